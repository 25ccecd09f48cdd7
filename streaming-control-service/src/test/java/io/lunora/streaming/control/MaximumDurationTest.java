package io.lunora.streaming.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.model.identity.Group;
import io.lunora.streaming.testing.PeerStandIns;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An operator's session ends at the configured maximum streaming duration; an admin's does not. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lunora.streaming.operator-max-duration=2s")
class MaximumDurationTest {
    @RegisterExtension
    static final PeerStandIns standIns = new PeerStandIns(StreamingApiTest::peer);
    static final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    StreamingControlService control;

    @Test
    void shouldStopAnOperatorsSessionAtTheMaximumDurationAndSayWhy() throws Exception {
        String operator = standIns.issuer().userToken("otto", "org-md", Group.OPERATORS);
        String admin = standIns.issuer().userToken("ada", "org-admin", Group.ADMINS);
        assertThat(post(operator, "/api/streaming/start").statusCode()).isEqualTo(201);
        assertThat(post(admin, "/api/streaming/start").statusCode()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).until(() -> {
            control.enforceMaxDuration();
            return get(operator, "/api/streaming/sessions").body().contains("\"status\":\"stopped\"");
        });

        assertThat(get(operator, "/api/streaming/sessions").body())
                .contains("stopped at the maximum streaming duration for operators");
        assertThat(get(admin, "/api/streaming/sessions").body()).contains("\"status\":\"active\"");
        assertThat(standIns.peers().requests().stream().filter(r -> r.method().equals("DELETE")
                && r.path().equals("/internal/engine/channels/org-md/session"))).hasSize(1);
        assertThat(standIns.peers().requests().stream().filter(r -> r.method().equals("DELETE")
                && r.path().startsWith("/internal/engine/channels/org-admin"))).isEmpty();
    }

    private HttpResponse<String> post(String token, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String token, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
