package io.lunora.destination.destinations;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.identity.Group;
import io.lunora.model.identity.ServiceClient;
import io.lunora.testing.DynamoDbLocal;
import io.lunora.testing.TestIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Operators see and change only the destinations they created; admins see the whole organization;
 * another operator's destination is "not found" (404, not 403), so ids cannot be probed. Real
 * signed tokens of two operators and an admin of one organization, DynamoDB Local.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "lunora.dynamodb.environment=destown", "lunora.destinations.read-timeout=2s"})
class DestinationOwnershipTest {
    static final TestIssuer issuer = new TestIssuer();
    static final HttpClient http = HttpClient.newHttpClient();
    static final JsonMapper json = JsonMapper.builder().build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("lunora.dynamodb.endpoint", () -> DynamoDbLocal.shared().endpoint());
        registry.add("lunora.security.jwk-set-uri", issuer::jwkSetUri);
        registry.add("lunora.data-dir", () -> {
            try {
                return Files.createTempDirectory("destination-owners").toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @AfterAll
    static void close() {
        issuer.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    DestinationStore store;

    final String org = "org-" + UUID.randomUUID();
    final String otto = issuer.userToken("otto", org, Group.OPERATORS);
    final String olga = issuer.userToken("olga", org, Group.OPERATORS);
    final String ada = issuer.userToken("ada", org, Group.ADMINS);
    final String service = issuer.serviceToken(ServiceClient.STREAMING_CONTROL);

    @Test
    void shouldHideAnOperatorsDestinationFromAnotherOperatorAndShowItToAdmins() throws Exception {
        HttpResponse<String> created = send("POST", "/api/destinations", otto, custom("Otto's", "with-key-1234"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = body(created).path("destination_id").asString();
        assertThat(body(created).path("owner_id").asString()).isEqualTo("user-otto");
        String olgasId = body(send("POST", "/api/destinations", olga, custom("Olga's", null)))
                .path("destination_id").asString();

        assertThat(ids(send("GET", "/api/destinations", otto, null))).containsExactly(id);
        assertThat(ids(send("GET", "/api/destinations", olga, null))).containsExactly(olgasId);
        assertNotFound(send("PUT", "/api/destinations/" + id, olga, update("Taken", 1)));
        assertNotFound(send("PUT", "/api/destinations/" + id + "/stream-key", olga, "{\"stream_key\":\"olgas-9999\"}"));
        assertNotFound(send("POST", "/api/destinations/" + id + "/test", olga, null));
        assertNotFound(send("DELETE", "/api/destinations/" + id, olga, null));
        JsonNode unchanged = body(send("GET", "/api/destinations", otto, null)).get(0);
        assertThat(unchanged.path("name").asString()).isEqualTo("Otto's");
        assertThat(unchanged.path("version").asLong()).isEqualTo(1);
        assertThat(unchanged.path("stream_key_masked").asString()).endsWith("1234");

        assertThat(ids(send("GET", "/api/destinations", ada, null))).containsExactlyInAnyOrder(id, olgasId);
        HttpResponse<String> byAdmin = send("PUT", "/api/destinations/" + id, ada, update("Renamed by admin", 1));
        assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(200);
        assertThat(body(byAdmin).path("owner_id").asString()).as("an admin's change keeps the owner")
                .isEqualTo("user-otto");
        assertThat(body(send("GET", "/api/destinations", otto, null)).get(0).path("name").asString())
                .isEqualTo("Renamed by admin");
        assertThat(send("DELETE", "/api/destinations/" + olgasId, ada, null).statusCode()).isEqualTo(204);
        assertThat(ids(send("GET", "/api/destinations", olga, null))).isEmpty();
    }

    @Test
    void shouldAnswerAnotherOperatorsDestinationLikeOneThatDoesNotExist() throws Exception {
        String id = body(send("POST", "/api/destinations", otto, custom("Otto's", null))).path("destination_id")
                .asString();

        HttpResponse<String> others = send("PUT", "/api/destinations/" + id, olga, update("X", 1));
        HttpResponse<String> missing = send("PUT", "/api/destinations/dest-" + UUID.randomUUID(), olga, update("X", 1));

        assertNotFound(others);
        assertNotFound(missing);
        assertThat(body(others).path("title").asString()).isEqualTo(body(missing).path("title").asString());
    }

    @Test
    void shouldGiveADestinationWithoutOwnerToAdminsOnly() throws Exception {
        String now = Instant.now().toString();
        String legacy = "dest-" + UUID.randomUUID();
        store.create(new Destination(legacy, org, null, "Made before owners", "custom", "rtmp://example.com/live",
                null, null, "p-1", true, true, false, false, null, now, now));

        assertThat(ids(send("GET", "/api/destinations", otto, null))).isEmpty();
        assertNotFound(send("PUT", "/api/destinations/" + legacy, otto, update("Mine now", 1)));
        assertThat(ids(send("GET", "/api/destinations", ada, null))).containsExactly(legacy);
        assertThat(owner(body(send("GET", "/api/destinations", ada, null)).get(0))).isNull();
        // streaming control reads the whole organization, with the owner, and applies the rule itself
        JsonNode target = body(send("GET", "/internal/destinations/" + legacy + "/target?organization=" + org,
                service, null));
        assertThat(target.path("destination_id").asString()).isEqualTo(legacy);
        assertThat(owner(target)).isNull();
        String ottos = body(send("POST", "/api/destinations", otto, custom("Otto's", null).replace("}",
                ",\"auto_start\":true}"))).path("destination_id").asString();
        JsonNode autoStart = body(send("GET", "/internal/destinations/auto-start?organization=" + org, service, null));
        assertThat(autoStart.valueStream().map(t -> t.path("destination_id").asString() + "@"
                + owner(t))).containsExactly(legacy + "@null", ottos + "@user-otto");
    }

    private static String custom(String name, String key) {
        return "{\"name\":\"" + name + "\",\"platform\":\"custom\",\"rtmp_url\":\"rtmp://example.com/live\","
                + "\"preset_id\":\"p-1\"" + (key == null ? "" : ",\"stream_key\":\"" + key + "\"") + "}";
    }

    private static String update(String name, long version) {
        return "{\"name\":\"" + name + "\",\"platform\":\"custom\",\"rtmp_url\":\"rtmp://example.com/live\","
                + "\"preset_id\":\"p-1\",\"version\":" + version + "}";
    }

    private static java.util.List<String> ids(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return body(response).valueStream().map(d -> d.path("destination_id").asString()).toList();
    }

    private static void assertNotFound(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
    }

    private static String owner(JsonNode destination) {
        return destination.hasNonNull("owner_id") ? destination.get("owner_id").asString() : null;
    }

    private static JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + token);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
