package io.lunora.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.identity.Group;
import io.lunora.model.identity.ServiceClient;
import io.lunora.testing.DynamoDbLocal;
import io.lunora.testing.TestIssuer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The running service on a random port, against DynamoDB Local and a real token issuer. Every
 * test class shares one context; tests keep apart by unique viewer names and stream ids.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = {ViewerServiceApplication.class,
        ServiceTest.TestClock.class})
public abstract class ServiceTest {
    protected static final TestIssuer issuer = new TestIssuer();
    protected static final byte[] PLAYBACK_SECRET = "test-playback-secret-32-bytes-long!!".getBytes();
    protected static final Path DATA_DIR = createDataDir();
    protected static final JsonMapper json = JsonMapper.builder().build();
    protected static final EngineFiles ENGINE = new EngineFiles();
    /** auth-service's viewer identity deletion, the last step of an account deletion. */
    protected static final SignInIdentityStandIn IDENTITIES = new SignInIdentityStandIn();
    protected static final String SERVICES_SECRET = "viewer-test-services-secret";
    private static final HttpClient http = HttpClient.newHttpClient();

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("lunora.dynamodb.endpoint", () -> DynamoDbLocal.shared().endpoint());
        registry.add("lunora.security.jwk-set-uri", issuer::jwkSetUri);
        registry.add("lunora.viewer.playback-secret", () -> Base64.getEncoder().encodeToString(PLAYBACK_SECRET));
        registry.add("lunora.viewer.data-dir", DATA_DIR::toString);
        registry.add("lunora.viewer.renewal-interval", () -> "1h");
        // open chat streams would hold a graceful shutdown for its whole 30 s timeout
        registry.add("server.shutdown", () -> "immediate");
        registry.add("lunora.services.engine-url", ENGINE::url);
        registry.add("lunora.services.auth-url", IDENTITIES::url);
        registry.add("lunora.services.token-uri", () -> issuer.clientCredentialsTokenUri(ServiceClient.VIEWER, SERVICES_SECRET));
        registry.add("lunora.services.client-secret", () -> SERVICES_SECRET);
        // AccountIdentityDeletionTest fails auth-service on purpose: its breaker must not open for the others
        registry.add("lunora.services.resilience.services.auth-service.minimum-calls", () -> "1000");
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("viewer-service-test");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static String viewer(String name, Group group) {
        return issuer.userToken(name, "consumers", group);
    }

    protected static String viewerId(String name) {
        return "user-" + name;
    }

    /** streaming-control's client-credentials token: it posts the catalog's session events. */
    protected static String streamingControlToken() {
        return issuer.serviceToken(ServiceClient.STREAMING_CONTROL);
    }

    /** The gateway's client-credentials token: it looks up playback targets. */
    protected static String gatewayToken() {
        return issuer.serviceToken(ServiceClient.GATEWAY);
    }

    protected static String admin() {
        return issuer.userToken(unique("cadmin"), "consumers", Group.CONSUMER_ADMINS);
    }

    /** Puts a live stream in the catalog through the internal endpoint, then sets its access level as an admin. */
    protected String liveStream(String accessLevel, String category, String title) {
        String id = unique("s");
        assertThat(post("/internal/catalog/sessions", streamingControlToken(), """
                {"stream_id":"%s","session_id":"sess-%s","organization_id":"org-1","creator_id":"creator-%s",
                 "is_live":true,"hls_url":"/hls/%s/index.m3u8","started_at":"%s","title":"%s"}"""
                .formatted(id, id, category, id, clock.instant(), title)).statusCode()).isEqualTo(204);
        JsonNode entry = body(get("/api/viewer-admin/catalog", admin())).valueStream()
                .filter(e -> e.path("stream_id").asString().equals(id)).findFirst().orElseThrow();
        HttpResponse<String> updated = put("/api/viewer-admin/catalog/" + id, admin(), """
                {"title":"%s","description":"about %s","category":"%s","tags":["live","%s"],"access_level":"%s",
                 "version":%d}""".formatted(title, title, category, category, accessLevel, entry.path("version").asLong()));
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        return id;
    }

    protected HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET());
    }

    protected HttpResponse<String> post(String path, String token, String body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    protected HttpResponse<String> put(String path, String token, String body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    protected HttpResponse<String> delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    protected static JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    /** Asserts a problem+json answer with this status, naming {@code field} when given. */
    protected static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        if (field != null) {
            assertThat(body(response).path("errors").valueStream().map(e -> e.path("field").asString()))
                    .as(response.body()).contains(field);
        }
    }

    protected HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected Clock clock() {
        return clock;
    }
}
