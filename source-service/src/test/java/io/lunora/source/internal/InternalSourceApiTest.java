package io.lunora.source.internal;

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
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The internal endpoint streaming-control-service reads the inputs from (to start a channel, and
 * to name the sources of {@code /api/sources/status}), and what this service no longer serves: the
 * live status and switching are streaming-control-service's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InternalSourceApiTest {
    static final String PASSPHRASE = "srt-Signal-Passphrase-77";
    static final TestIssuer issuer = new TestIssuer();
    static final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        registry.add("lunora.dynamodb.endpoint", () -> DynamoDbLocal.shared().endpoint());
        registry.add("lunora.security.jwk-set-uri", issuer::jwkSetUri);
        String data = Files.createTempDirectory("internal-source-data").toString();
        registry.add("lunora.data-dir", () -> data);
    }

    @AfterAll
    static void close() {
        issuer.close();
    }

    @LocalServerPort
    int port;

    final String admin = issuer.userToken("ada", "org-int", Group.ADMINS);
    final String operator = issuer.userToken("otto", "org-int", Group.OPERATORS);

    @Test
    void shouldGiveTheInputsWithPassphrasesToServicesOnly() throws Exception {
        HttpResponse<String> saved = call("PUT", admin, "/api/sources/config", "{\"name\":\"Studio\","
                + "\"redundancy_mode\":\"auto_failover\",\"failover_threshold\":2,\"health_check_interval\":5,"
                + "\"primary_source\":{\"name\":\"Videon A\",\"mode\":\"listener\",\"port\":9998,\"passphrase\":\""
                + PASSPHRASE + "\"},\"secondary_source\":{\"name\":\"Videon B\",\"mode\":\"listener\",\"port\":9999}}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        String service = issuer.serviceToken(ServiceClient.STREAMING_CONTROL);

        HttpResponse<String> inputs = call("GET", service, "/internal/sources/config?organization=org-int", null);

        assertThat(inputs.statusCode()).isEqualTo(200);
        assertThat(inputs.body()).contains("\"mode\":\"auto_failover\"", "\"failover_threshold\":2",
                "\"name\":\"Videon A\"", "\"name\":\"Videon B\"", "\"passphrase\":\"" + PASSPHRASE + "\"",
                "\"pbkeylen\":16", "\"port\":9999");
        for (String user : List.of(admin, operator)) {
            assertThat(call("GET", user, "/internal/sources/config?organization=org-int", null).statusCode())
                    .isEqualTo(403);
        }
    }

    @Test
    void shouldServeNeitherTheLiveStatusNorSwitching() throws Exception {
        assertThat(call("GET", operator, "/api/sources/status", null).statusCode()).isEqualTo(403);
        assertThat(call("POST", operator, "/api/sources/switch", "{\"input\":\"primary\"}").statusCode())
                .isEqualTo(403);
    }

    private HttpResponse<String> call(String method, String token, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
