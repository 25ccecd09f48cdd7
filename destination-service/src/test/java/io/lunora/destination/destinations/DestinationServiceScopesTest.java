package io.lunora.destination.destinations;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.identity.Group;
import io.lunora.model.identity.ServiceClient;
import io.lunora.testing.DynamoDbLocal;
import io.lunora.testing.TestIssuer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 14: each service has its own client and scopes. The stream keys (a destination's target,
 * the auto-start targets) go to streaming-control's token only; the gateway's (internet-facing)
 * and preset-service's tokens are refused with 403 problem+json, and preset-service's one scope
 * opens the preset usage and nothing else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "lunora.dynamodb.environment=destscopes"})
class DestinationServiceScopesTest {
    static final TestIssuer issuer = new TestIssuer();
    static final HttpClient http = HttpClient.newHttpClient();
    static final JsonMapper json = JsonMapper.builder().build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path dataDir = Files.createTempDirectory("destination-scopes");
        registry.add("lunora.dynamodb.endpoint", () -> DynamoDbLocal.shared().endpoint());
        registry.add("lunora.security.jwk-set-uri", issuer::jwkSetUri);
        registry.add("lunora.data-dir", dataDir::toString);
    }

    @AfterAll
    static void close() {
        issuer.close();
    }

    @LocalServerPort
    int port;

    final String org = "org-" + UUID.randomUUID();

    @Test
    void shouldGiveTheStreamKeyToStreamingControlsTokenOnly() throws Exception {
        String key = "scoped-key-" + UUID.randomUUID();
        HttpResponse<String> created = send("POST", "/api/destinations", issuer.userToken("otto", org, Group.OPERATORS),
                "{\"name\":\"Main\",\"platform\":\"youtube\",\"stream_key\":\"" + key
                        + "\",\"preset_id\":\"builtin-youtube-hd\",\"auto_start\":true}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String target = "/internal/destinations/" + json.readTree(created.body()).path("destination_id").asString()
                + "/target?organization=" + org;
        String autoStart = "/internal/destinations/auto-start?organization=" + org;

        for (ServiceClient other : new ServiceClient[] {ServiceClient.GATEWAY, ServiceClient.PRESET,
                ServiceClient.VIEWER, ServiceClient.METRICS}) {
            assertForbidden(send("GET", target, issuer.serviceToken(other), null));
            assertForbidden(send("GET", autoStart, issuer.serviceToken(other), null));
        }
        // the old shared scope opens nothing any more
        assertForbidden(send("GET", target, issuer.serviceToken("lunora-services", "internal"), null));

        String streamingControl = issuer.serviceToken(ServiceClient.STREAMING_CONTROL);
        HttpResponse<String> allowed = send("GET", target, streamingControl, null);
        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
        assertThat(json.readTree(allowed.body()).path("stream_key").asString()).isEqualTo(key);
        assertThat(json.readTree(send("GET", autoStart, streamingControl, null).body()).size()).isEqualTo(1);
    }

    @Test
    void shouldOpenThePresetUsageToPresetServicesTokenOnly() throws Exception {
        String usage = "/internal/destinations/preset-usage/builtin-youtube-hd?organization=" + org;

        HttpResponse<String> allowed = send("GET", usage, issuer.serviceToken(ServiceClient.PRESET), null);
        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
        assertForbidden(send("GET", usage, issuer.serviceToken(ServiceClient.GATEWAY), null));
        assertForbidden(send("GET", usage, issuer.serviceToken(ServiceClient.STREAMING_CONTROL), null));
    }

    private static void assertForbidden(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("stream_key");
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + token);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
