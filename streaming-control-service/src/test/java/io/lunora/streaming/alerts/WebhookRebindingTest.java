package io.lunora.streaming.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.model.identity.Group;
import io.lunora.streaming.alerts.webhooks.WebhookSignature;
import io.lunora.streaming.media.MediaEvent;
import io.lunora.streaming.testing.PeerStandIns;
import io.lunora.streaming.testing.ServiceApi;
import io.lunora.support.net.AddressGuard;
import io.lunora.support.net.HostResolver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.convention.TestBean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook whose name is rebound by its DNS server (issue 14): the name answers an allowed address
 * (127.0.0.2, allow-listed as an admin would allow a LAN receiver) while it is saved and checked,
 * and the deployment's own loopback after that. Each delivery must POST to the address its check
 * vetted, or be refused once the check itself sees loopback, never reach the loopback listener
 * on the same port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "lunora.alerts.webhook-attempts=1"})
class WebhookRebindingTest {
    static final String NAME = "hooks.rebind.test";
    @RegisterExtension
    static final PeerStandIns standIns = new PeerStandIns(AlertCentreApiTest::engine);
    static final HttpClient http = HttpClient.newHttpClient();
    static final JsonMapper json = JsonMapper.builder().build();
    /** Honest answers left before the name points at loopback. */
    static final AtomicInteger honestAnswers = new AtomicInteger();
    static final AtomicInteger lookups = new AtomicInteger();

    /** The webhooks' guard with its allow-list, asking the rebinding DNS server. */
    @TestBean(name = "webhookAddressGuard")
    AddressGuard guard;

    static AddressGuard webhookAddressGuard() {
        HostResolver rebinding = host -> {
            if (!host.equals(NAME)) {
                return HostResolver.SYSTEM.resolve(host);
            }
            lookups.incrementAndGet();
            return new InetAddress[] {InetAddress.getByName(honestAnswers.getAndDecrement() > 0 ? "127.0.0.2" : "127.0.0.1")};
        };
        return new AddressGuard(List.of("127.0.0.2/32"), rebinding);
    }

    @LocalServerPort
    int port;
    @Autowired
    MediaAlerts mediaAlerts;

    WebhookReceiver vetted;
    WebhookReceiver loopback;

    @AfterEach
    void stop() {
        for (WebhookReceiver receiver : new WebhookReceiver[] {vetted, loopback}) {
            if (receiver != null) {
                receiver.close();
            }
        }
    }

    @Test
    void shouldPostToTheVettedAddressAndBeRefusedOnceTheNameAnswersLoopback() throws Exception {
        listenOnBothAddresses();
        String admin = standIns.issuer().userToken("ada", "org-rebind", Group.ADMINS);
        String url = "http://" + NAME + ":" + vetted.port() + "/hooks/rebind";
        honestAnswers.set(2); // the check when it is saved, and the first delivery's
        HttpResponse<String> created = send(admin, "POST", "/api/alerts/webhooks", "{\"url\":\"" + url + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode webhook = json.readTree(created.body());
        String id = webhook.path("webhook_id").asString();

        mediaAlerts.onMediaEvent(new MediaEvent.OutputStateChanged("org-rebind", Instant.now(), "d-yt", "failed",
                "connection reset"));

        await().atMost(Duration.ofSeconds(10)).until(() -> !vetted.received().isEmpty());
        WebhookReceiver.Received delivery = vetted.received().getFirst();
        assertThat(delivery.host()).isEqualTo(NAME + ":" + vetted.port());
        assertThat(WebhookSignature.verify(webhook.path("secret").asString(), delivery.signature(), delivery.body()))
                .isTrue();
        assertThat(lookups.get()).as("one lookup at saving, one per delivery").isEqualTo(2);

        // from now on the name answers loopback: the next delivery's own check refuses it
        mediaAlerts.onMediaEvent(new MediaEvent.OutputStateChanged("org-rebind", Instant.now(), "d-tw", "failed",
                "connection reset"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(json.readTree(send(admin, "GET",
                "/api/alerts/webhooks/" + id + "/deliveries", null).body()).path("deliveries"))
                .extracting(d -> d.path("outcome").asString()).containsExactly("refused", "delivered"));
        assertThat(vetted.received()).hasSize(1);
        assertThat(loopback.received()).as("POSTs that reached the address behind the name").isEmpty();
    }

    /** Receivers on 127.0.0.2 and 127.0.0.1 with one port: the one reached tells the address used. */
    private void listenOnBothAddresses() throws IOException {
        for (int tries = 0; tries < 20; tries++) {
            vetted = WebhookReceiver.listen(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
            try {
                loopback = WebhookReceiver.listen(new InetSocketAddress(InetAddress.getByName("127.0.0.1"),
                        vetted.port()));
                return;
            } catch (IOException portTakenOnLoopback) {
                vetted.close();
            }
        }
        throw new IllegalStateException("no port free on both 127.0.0.1 and 127.0.0.2");
    }

    HttpResponse<String> send(String token, String method, String path, String body) throws Exception {
        return new ServiceApi(port).send(token, method, path, body);
    }
}
