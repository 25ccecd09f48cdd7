package io.lunora.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.testing.DynamoDbLocal;
import io.lunora.testing.TestIssuer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The service starts on DynamoDB Local, creates the tables it owns, and refuses callers without a token. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StreamingControlApplicationTests {
    static final TestIssuer issuer = new TestIssuer();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("lunora.dynamodb.endpoint", () -> DynamoDbLocal.shared().endpoint());
        registry.add("lunora.security.jwk-set-uri", issuer::jwkSetUri);
        registry.add("lunora.services.token-uri", () -> issuer.clientCredentialsTokenUri("lunora-services", "s"));
        registry.add("lunora.services.client-secret", () -> "s");
    }

    @AfterAll
    static void closeIssuer() {
        issuer.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    DynamoDbClient dynamo;

    @Test
    void shouldCreateOwnedTablesAndReportHealthy() throws Exception {
        List<String> tables = dynamo.listTables().tableNames();
        // DynamoDB Local is shared by the module's tests; other classes use other environments' prefixes
        assertThat(tables.stream().filter(t -> t.startsWith("lunora-local-"))).containsExactlyInAnyOrder(
                "lunora-local-StreamSessions", "lunora-local-StreamSessionEvents", "lunora-local-Alerts",
                "lunora-local-AlertWebhooks");

        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void shouldRefuseRequestWithoutTokenAsProblemJson() throws Exception {
        HttpResponse<String> response = get("/api/anything");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
