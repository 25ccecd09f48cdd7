package io.lunora.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.engine.testing.InProcessEngine;
import io.lunora.model.identity.ServiceClient;
import io.lunora.testing.TestIssuer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 14: only streaming-control's token drives the engine. Every other service's token (the
 * internet-facing gateway's first) gets 403 problem+json on the channel API, reading and starting
 * alike, and the request changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineServiceScopesTest {
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final TestIssuer issuer = new TestIssuer();
    ConfigurableApplicationContext engine;
    int port;

    @BeforeAll
    void start(@TempDir Path data) {
        engine = InProcessEngine.start(data, data.resolve("engine.log"), issuer);
        port = Integer.parseInt(engine.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    void stop() {
        if (engine != null) {
            engine.close();
        }
        issuer.close();
    }

    @Test
    void shouldRefuseEveryOtherServicesTokenOnTheChannelApi() throws Exception {
        for (ServiceClient other : new ServiceClient[] {ServiceClient.GATEWAY, ServiceClient.PRESET,
                ServiceClient.VIEWER, ServiceClient.METRICS}) {
            String token = issuer.serviceToken(other);
            assertForbidden(send("GET", "/internal/engine/channels/org-scopes", token, null));
            assertForbidden(send("PUT", "/internal/engine/channels/org-scopes/inputs", token,
                    "{\"primary\":{\"mode\":\"listener\",\"port\":1}}"));
            assertForbidden(send("DELETE", "/internal/engine/channels/org-scopes", token, null));
        }
        assertForbidden(send("GET", "/internal/engine/channels/org-scopes",
                issuer.serviceToken("lunora-services", "internal"), null));

        HttpResponse<String> status = send("GET", "/internal/engine/channels/org-scopes",
                issuer.serviceToken(ServiceClient.STREAMING_CONTROL), null);
        assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
        assertThat(status.body()).contains("\"running\":false");
    }

    private static void assertForbidden(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":403");
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
