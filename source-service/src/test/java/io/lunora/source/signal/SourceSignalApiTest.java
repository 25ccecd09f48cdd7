package io.lunora.source.signal;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.identity.Group;
import io.lunora.testing.DynamoDbLocal;
import io.lunora.testing.RecordingHttpEndpoint;
import io.lunora.testing.RecordingHttpEndpoint.Recorded;
import io.lunora.testing.RecordingHttpEndpoint.Reply;
import io.lunora.testing.TestIssuer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Source status and switching against a recorded engine endpoint, and the internal endpoint the
 * streaming control service reads the inputs from.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SourceSignalApiTest {
    static final String PASSPHRASE = "srt-Signal-Passphrase-77";
    static final TestIssuer issuer = new TestIssuer();
    static final RecordingHttpEndpoint engine = new RecordingHttpEndpoint();
    static final AtomicBoolean running = new AtomicBoolean(true);
    static final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        registry.add("lunora.dynamodb.endpoint", () -> DynamoDbLocal.shared().endpoint());
        registry.add("lunora.security.jwk-set-uri", issuer::jwkSetUri);
        registry.add("lunora.services.token-uri", () -> issuer.clientCredentialsTokenUri("lunora-services", "s"));
        registry.add("lunora.services.client-secret", () -> "s");
        registry.add("lunora.services.engine-url", engine::url);
        String data = Files.createTempDirectory("signal-data").toString();
        registry.add("lunora.data-dir", () -> data);
    }

    @AfterAll
    static void close() {
        issuer.close();
        engine.close();
    }

    @LocalServerPort
    int port;

    final String admin = issuer.userToken("ada", "org-sig", Group.ADMINS);
    final String operator = issuer.userToken("otto", "org-sig", Group.OPERATORS);

    @BeforeEach
    void engineAnswers() {
        running.set(true);
        engine.clear();
        engine.answer(r -> r.method().equals("GET")
                ? new Reply(200, "application/json", "{\"running\":" + running.get() + ",\"active_input\":\"secondary\","
                        + "\"inputs\":[{\"input\":\"primary\",\"connected\":false,\"bitrate_kbps\":0,\"last_packet_age_ms\":4200,"
                        + "\"continuity_errors\":3,\"uptime_seconds\":0},{\"input\":\"secondary\",\"connected\":true,"
                        + "\"bitrate_kbps\":2500,\"last_packet_age_ms\":12,\"continuity_errors\":0,\"uptime_seconds\":95}],"
                        + "\"outputs\":[]}")
                : new Reply(202, "application/json", ""));
    }

    @Test
    void shouldShowEachSourcesLiveStateWithItsConfiguredName() throws Exception {
        HttpResponse<String> status = call("GET", operator, "/api/sources/status", null);

        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("\"channel_running\":true", "\"active_input\":\"secondary\"",
                "\"name\":\"Videon A\"", "\"connected\":false", "\"continuity_errors\":3", "\"name\":\"Videon B\"",
                "\"bitrate_kbps\":2500", "\"health_known\":true", "\"notice\":null");
        assertThat(engine.requests().get(0).header("Authorization")).startsWith("Bearer ");
    }

    @Test
    void shouldAskTheEngineToSwitchOnAnOperatorsCommand() throws Exception {
        HttpResponse<String> switched = call("POST", operator, "/api/sources/switch", "{\"input\":\"primary\"}");

        assertThat(switched.statusCode()).isEqualTo(202);
        // the engine switches on the next keyframe: nothing to add for the operator
        assertThat(switched.body()).isEqualTo("{\"input\":\"primary\",\"notice\":null}");
        Recorded post = engine.requests().stream().filter(r -> r.method().equals("POST")).findFirst().orElseThrow();
        assertThat(post.path()).isEqualTo("/internal/engine/channels/org-sig/switch");
        assertThat(post.body()).isEqualTo("{\"input\":\"primary\",\"reason\":\"manual switch by otto\"}");
    }

    @Test
    void shouldRefuseASwitchWhenNothingRunsOrTheInputIsUnknown() throws Exception {
        HttpResponse<String> unknown = call("POST", operator, "/api/sources/switch", "{\"input\":\"tertiary\"}");
        running.set(false);
        HttpResponse<String> idle = call("POST", operator, "/api/sources/switch", "{\"input\":\"primary\"}");

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"field\":\"input\"");
        assertThat(idle.statusCode()).isEqualTo(409);
        assertThat(engine.requests().stream().filter(r -> r.method().equals("POST"))).isEmpty();
    }

    @Test
    void shouldAnswer503WhenTheEngineIsAway() throws Exception {
        engine.answer(r -> new Reply(500, "text/plain", "down"));

        HttpResponse<String> status = call("GET", operator, "/api/sources/status", null);

        assertThat(status.statusCode()).isEqualTo(503);
        assertThat(status.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void shouldGiveTheInputsWithPassphrasesToServicesOnly() throws Exception {
        HttpResponse<String> saved = call("PUT", admin, "/api/sources/config", "{\"name\":\"Studio\","
                + "\"redundancy_mode\":\"auto_failover\",\"failover_threshold\":2,\"health_check_interval\":5,"
                + "\"primary_source\":{\"name\":\"Videon A\",\"mode\":\"listener\",\"port\":9998,\"passphrase\":\""
                + PASSPHRASE + "\"},\"secondary_source\":{\"name\":\"Videon B\",\"mode\":\"listener\",\"port\":9999}}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        String service = issuer.serviceToken("lunora-services", "internal");

        HttpResponse<String> inputs = call("GET", service, "/internal/sources/config?organization=org-sig", null);

        assertThat(inputs.statusCode()).isEqualTo(200);
        assertThat(inputs.body()).contains("\"mode\":\"auto_failover\"", "\"failover_threshold\":2",
                "\"passphrase\":\"" + PASSPHRASE + "\"", "\"pbkeylen\":16", "\"port\":9999");
        for (String user : List.of(admin, operator)) {
            assertThat(call("GET", user, "/internal/sources/config?organization=org-sig", null).statusCode())
                    .isEqualTo(403);
        }
    }

    @Test
    void shouldKeepViewersAway() throws Exception {
        String viewer = issuer.userToken("vic", "org-sig", Group.FREE);

        assertThat(call("GET", viewer, "/api/sources/status", null).statusCode()).isEqualTo(403);
        assertThat(call("POST", viewer, "/api/sources/switch", "{\"input\":\"primary\"}").statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> call(String method, String token, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
