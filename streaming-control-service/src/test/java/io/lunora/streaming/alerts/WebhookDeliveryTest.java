package io.lunora.streaming.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.model.identity.Group;
import io.lunora.streaming.alerts.webhooks.WebhookSignature;
import io.lunora.streaming.media.MediaEvent;
import io.lunora.streaming.testing.PeerStandIns;
import io.lunora.streaming.testing.ServiceApi;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alert webhooks against a real local HTTP receiver (loopback, allowed by the webhooks' allow-list
 * as an admin would allow a LAN host): the secret is answered once, every delivery is signed and
 * verifies, a receiver's 500 is retried with backoff, and the delivery log shows each attempt.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "lunora.alerts.webhook-allowed-private-hosts=127.0.0.0/8", "lunora.alerts.webhook-first-backoff=300ms",
        "lunora.alerts.webhook-attempts=3"})
@ExtendWith(OutputCaptureExtension.class)
class WebhookDeliveryTest {
    @RegisterExtension
    static final PeerStandIns standIns = new PeerStandIns(AlertCentreApiTest::engine);
    static final HttpClient http = HttpClient.newHttpClient();
    static final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    MediaAlerts mediaAlerts;

    WebhookReceiver receiver;

    void startReceiver() throws Exception {
        receiver = WebhookReceiver.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    String receiverUrl() {
        return "http://127.0.0.1:" + receiver.port() + "/hooks/T1/secret-path";
    }

    @AfterEach
    void stopReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void shouldPostEveryAlertChangeSignedWithTheSecretShownOnlyOnce(CapturedOutput output) throws Exception {
        startReceiver();
        String admin = standIns.issuer().userToken("ada", "org-hook", Group.ADMINS);
        HttpResponse<String> created = send(admin, "POST", "/api/alerts/webhooks", "{\"url\":\"" + receiverUrl() + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode webhook = json.readTree(created.body());
        String secret = webhook.path("secret").asString();
        assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);
        // the URL's path may be a chat tool's token: answered as scheme and host only
        assertThat(webhook.path("url_masked").asString()).doesNotContain("secret-path");
        HttpResponse<String> listed = send(admin, "GET", "/api/alerts/webhooks", null);
        assertThat(listed.body()).contains(webhook.path("webhook_id").asString()).doesNotContain(secret)
                .doesNotContain("secret-path");

        mediaAlerts.onMediaEvent(new MediaEvent.OutputStateChanged("org-hook", Instant.now(), "d-yt", "failed",
                "connection reset"));

        await().atMost(Duration.ofSeconds(10)).until(() -> !receiver.received().isEmpty());
        WebhookReceiver.Received delivery = receiver.received().getFirst();
        assertThat(WebhookSignature.verify(secret, delivery.signature(), delivery.body())).isTrue();
        assertThat(WebhookSignature.verify("whsec_wrong", delivery.signature(), delivery.body())).isFalse();
        assertThat(WebhookSignature.verify(secret, delivery.signature(), delivery.body().replace("d-yt", "d-xx")))
                .isFalse();
        long signedAt = Long.parseLong(delivery.signature().replaceAll("^t=(\\d+),.*$", "$1"));
        assertThat(Math.abs(signedAt - delivery.at().getEpochSecond())).isLessThanOrEqualTo(5);
        JsonNode body = json.readTree(delivery.body());
        assertThat(body.path("event").asString()).isEqualTo("alert.changed");
        assertThat(body.path("organization_id").asString()).isEqualTo("org-hook");
        assertThat(body.path("alert").path("kind").asString()).isEqualTo("destination_disconnected");
        assertThat(body.path("alert").path("severity").asString()).isEqualTo("critical");
        assertThat(body.path("alert").path("source").asString()).isEqualTo("d-yt");
        assertThat(output.getAll()).doesNotContain(secret).doesNotContain("secret-path");
    }

    @Test
    void shouldRetryAReceiverAnswering500WithBackoffAndLogEveryAttempt() throws Exception {
        startReceiver();
        receiver.failNext(1);
        String admin = standIns.issuer().userToken("ada", "org-retry", Group.ADMINS);
        HttpResponse<String> created = send(admin, "POST", "/api/alerts/webhooks", "{\"url\":\"" + receiverUrl() + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json.readTree(created.body()).path("webhook_id").asString();

        mediaAlerts.onMediaEvent(new MediaEvent.InputSwitched("org-retry", Instant.now(), "primary", "slate",
                "signal_lost"));

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() >= 2);
        assertThat(Duration.between(receiver.received().get(0).at(), receiver.received().get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        assertThat(receiver.received().get(1).body()).isEqualTo(receiver.received().get(0).body());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            HttpResponse<String> log = send(admin, "GET", "/api/alerts/webhooks/" + id + "/deliveries", null);
            assertThat(log.statusCode()).as(log.body()).isEqualTo(200);
            JsonNode deliveries = json.readTree(log.body()).path("deliveries");
            assertThat(deliveries).hasSize(2);
            // newest first
            assertThat(deliveries.get(0).path("attempt").asInt()).isEqualTo(2);
            assertThat(deliveries.get(0).path("outcome").asString()).isEqualTo("delivered");
            assertThat(deliveries.get(0).path("http_status").asInt()).isEqualTo(200);
            assertThat(deliveries.get(1).path("attempt").asInt()).isEqualTo(1);
            assertThat(deliveries.get(1).path("outcome").asString()).isEqualTo("failed");
            assertThat(deliveries.get(1).path("http_status").asInt()).isEqualTo(500);
            assertThat(deliveries.get(1).path("time").asString()).isNotBlank();
        });
        // a third attempt would have come within a second (300 ms, then 600 ms): none does
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> receiver.received().size() == 2);
    }

    @Test
    void shouldGiveUpAfterTheLastAttempt() throws Exception {
        startReceiver();
        receiver.failNext(100);
        String admin = standIns.issuer().userToken("ada", "org-down", Group.ADMINS);
        String id = json.readTree(send(admin, "POST", "/api/alerts/webhooks", "{\"url\":\"" + receiverUrl() + "\"}")
                .body()).path("webhook_id").asString();

        mediaAlerts.onMediaEvent(new MediaEvent.InputSwitched("org-down", Instant.now(), "primary", "slate",
                "signal_lost"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(json.readTree(send(admin, "GET",
                "/api/alerts/webhooks/" + id + "/deliveries", null).body()).path("deliveries"))
                .extracting(d -> d.path("outcome").asString()).containsExactly("gave_up", "failed", "failed"));
        assertThat(receiver.received()).hasSize(3);
    }

    @Test
    void shouldGuardWebhookAddressesAndKeepThemToAdmins() throws Exception {
        String admin = standIns.issuer().userToken("ada", "org-guard", Group.ADMINS);
        String operator = standIns.issuer().userToken("olga", "org-guard", Group.OPERATORS);

        ServiceApi.assertProblem(send(admin, "POST", "/api/alerts/webhooks",
                "{\"url\":\"http://169.254.169.254/latest/meta-data\"}"), 400, "url");
        ServiceApi.assertProblem(send(admin, "POST", "/api/alerts/webhooks", "{\"url\":\"http://10.1.2.3/x\"}"),
                400, "url");
        ServiceApi.assertProblem(send(admin, "POST", "/api/alerts/webhooks", "{\"url\":\"ftp://example.com/\"}"),
                400, "url");
        ServiceApi.assertProblem(send(admin, "POST", "/api/alerts/webhooks",
                "{\"url\":\"https://user:pw@example.com/\"}"), 400, "url");
        ServiceApi.assertProblem(send(admin, "POST", "/api/alerts/webhooks", "{}"), 400, "url");
        assertThat(send(operator, "POST", "/api/alerts/webhooks", "{\"url\":\"https://example.com/\"}").statusCode())
                .isEqualTo(403);
        assertThat(send(operator, "GET", "/api/alerts/webhooks", null).statusCode()).isEqualTo(403);

        HttpResponse<String> created = send(admin, "POST", "/api/alerts/webhooks", "{\"url\":\"http://127.0.0.1:9/h\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json.readTree(created.body()).path("webhook_id").asString();
        String stranger = standIns.issuer().userToken("sam", "org-elsewhere", Group.ADMINS);
        assertThat(send(stranger, "DELETE", "/api/alerts/webhooks/" + id, null).statusCode()).isEqualTo(404);
        assertThat(send(stranger, "GET", "/api/alerts/webhooks/" + id + "/deliveries", null).statusCode()).isEqualTo(404);
        assertThat(send(admin, "DELETE", "/api/alerts/webhooks/" + id, null).statusCode()).isEqualTo(204);
        assertThat(send(admin, "GET", "/api/alerts/webhooks", null).body()).doesNotContain(id);
    }

    HttpResponse<String> send(String token, String method, String path, String body) throws Exception {
        return new ServiceApi(port).send(token, method, path, body);
    }
}
