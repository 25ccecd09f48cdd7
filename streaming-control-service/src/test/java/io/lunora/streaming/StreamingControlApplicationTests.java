package io.lunora.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.streaming.testing.PeerStandIns;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The service starts on DynamoDB Local, creates the tables it owns, and refuses callers without a token. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StreamingControlApplicationTests {
    @RegisterExtension
    static final PeerStandIns standIns = new PeerStandIns();

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
                "lunora-local-AlertWebhooks", "lunora-local-AlertRecipients", "lunora-local-CostBudgets");

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
