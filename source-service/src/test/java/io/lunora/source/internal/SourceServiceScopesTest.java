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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 14: the inputs with their passphrases go to streaming-control's token only; every other
 * service's token gets 403 problem+json without a passphrase in it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lunora.dynamodb.environment=sourcescopes")
class SourceServiceScopesTest {
    static final String PASSPHRASE = "srt-Scoped-Passphrase-31";
    static final TestIssuer issuer = new TestIssuer();
    static final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        registry.add("lunora.dynamodb.endpoint", () -> DynamoDbLocal.shared().endpoint());
        registry.add("lunora.security.jwk-set-uri", issuer::jwkSetUri);
        String data = Files.createTempDirectory("source-scopes-data").toString();
        registry.add("lunora.data-dir", () -> data);
    }

    @AfterAll
    static void close() {
        issuer.close();
    }

    @LocalServerPort
    int port;

    @Test
    void shouldGiveThePassphrasesToStreamingControlsTokenOnly() throws Exception {
        HttpResponse<String> saved = call(issuer.userToken("ada", "org-scopes", Group.ADMINS), "PUT", "/api/sources/config",
                "{\"name\":\"Studio\",\"redundancy_mode\":\"auto_failover\",\"failover_threshold\":2,"
                        + "\"health_check_interval\":5,\"primary_source\":{\"name\":\"A\",\"mode\":\"listener\","
                        + "\"port\":9996,\"passphrase\":\"" + PASSPHRASE + "\"},\"secondary_source\":{\"name\":\"B\","
                        + "\"mode\":\"listener\",\"port\":9997}}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);

        for (ServiceClient other : new ServiceClient[] {ServiceClient.GATEWAY, ServiceClient.PRESET,
                ServiceClient.VIEWER, ServiceClient.METRICS}) {
            for (String path : new String[] {"/internal/sources/config?organization=org-scopes",
                    "/internal/sources/organizations"}) {
                HttpResponse<String> refused = call(issuer.serviceToken(other), "GET", path, null);
                assertThat(refused.statusCode()).as(other + " " + path).isEqualTo(403);
                assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(refused.body()).contains("\"status\":403").doesNotContain(PASSPHRASE);
            }
        }
        assertThat(call(issuer.serviceToken("lunora-services", "internal"), "GET",
                "/internal/sources/config?organization=org-scopes", null).statusCode()).isEqualTo(403);

        HttpResponse<String> inputs = call(issuer.serviceToken(ServiceClient.STREAMING_CONTROL), "GET",
                "/internal/sources/config?organization=org-scopes", null);
        assertThat(inputs.statusCode()).as(inputs.body()).isEqualTo(200);
        assertThat(inputs.body()).contains(PASSPHRASE);
        assertThat(call(issuer.serviceToken(ServiceClient.STREAMING_CONTROL), "GET", "/internal/sources/organizations",
                null).body()).contains("org-scopes");
    }

    private HttpResponse<String> call(String token, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
