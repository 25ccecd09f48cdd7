package io.lunora.source.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.identity.Group;
import io.lunora.support.secrets.SecretStore;
import io.lunora.testing.DynamoDbLocal;
import io.lunora.testing.TestIssuer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class SourceConfigurationApiTest {
    static final TestIssuer issuer = new TestIssuer();
    static final HttpClient http = HttpClient.newHttpClient();
    static final String PASSPHRASE = "srt-Passphrase-0042-secret";
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        dataDir = Files.createTempDirectory("source-data");
        registry.add("lunora.dynamodb.endpoint", () -> DynamoDbLocal.shared().endpoint());
        registry.add("lunora.security.jwk-set-uri", issuer::jwkSetUri);
        registry.add("lunora.data-dir", () -> dataDir.toString());
    }

    @AfterAll
    static void closeIssuer() {
        issuer.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    DynamoDbClient dynamo;
    @Autowired
    SecretStore secrets;

    final String admin = issuer.userToken("ada", "org-src", Group.ADMINS);
    final String operator = issuer.userToken("otto", "org-src", Group.OPERATORS);

    @BeforeEach
    void clean() {
        dynamo.deleteItem(b -> b.tableName("lunora-local-SourceConfiguration").key(Map.of(
                "organization_id", AttributeValue.fromS("org-src"), "config_id", AttributeValue.fromS("default"))));
    }

    @Test
    void shouldShowDefaultsBeforeAnythingIsSaved() throws Exception {
        HttpResponse<String> response = call("GET", operator, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"redundancy_mode\":\"auto_failover\"", "\"failover_threshold\":5",
                "\"port\":9998", "\"port\":9999", "\"version\":null");
    }

    @Test
    void shouldStoreThePassphraseAsASecretAndNeverShowIt(CapturedOutput output) throws Exception {
        HttpResponse<String> saved = call("PUT", admin, body("auto_failover", 9998, 9999, PASSPHRASE, null));

        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("\"encrypted\":true", "\"version\":1").doesNotContain(PASSPHRASE);
        Map<String, AttributeValue> item = storedItem();
        String parameter = item.get("primary_source").m().get("passphrase_param").s();
        assertThat(parameter).startsWith("/lunora-player/sources/videon-a/srt-config-");
        assertThat(secrets.get(parameter)).contains(PASSPHRASE);
        assertThat(item.toString()).doesNotContain(PASSPHRASE);
        assertThat(call("GET", operator, null).body()).doesNotContain(PASSPHRASE).contains("\"encrypted\":true");
        assertThat(output.getAll()).doesNotContain(PASSPHRASE);
    }

    @Test
    void shouldRejectAStaleUpdateAndLeaveConfigurationAndSecretsAsTheyWere() throws Exception {
        call("PUT", admin, body("auto_failover", 9998, 9999, PASSPHRASE, null));
        call("PUT", admin, body("manual", 9998, 9999, null, 1L));
        long secretsBefore = secretFiles();

        HttpResponse<String> stale = call("PUT", admin, body("single", 9000, 9999, "another-passphrase-1", 1L));

        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(storedItem().get("redundancy_mode").s()).isEqualTo("manual");
        assertThat(secretFiles()).isEqualTo(secretsBefore);
    }

    @Test
    void shouldRemoveTheOldSecretWhenThePassphraseIsReplaced() throws Exception {
        call("PUT", admin, body("auto_failover", 9998, 9999, PASSPHRASE, null));
        String first = storedItem().get("primary_source").m().get("passphrase_param").s();

        call("PUT", admin, body("auto_failover", 9998, 9999, "a-new-passphrase-77", 1L));

        assertThat(secrets.get(first)).isEmpty();
        String second = storedItem().get("primary_source").m().get("passphrase_param").s();
        assertThat(secrets.get(second)).contains("a-new-passphrase-77");
    }

    @Test
    void shouldNameTheFieldAtFaultAndStoreNothing() throws Exception {
        Map<String, String> cases = Map.of(
                body("auto_failover", 80, 9999, null, null), "primary_source.port",
                body("auto_failover", 9998, 9998, null, null), "secondary_source.port",
                body("sometimes", 9998, 9999, null, null), "redundancy_mode",
                body("auto_failover", 9998, 9999, "short", null), "primary_source.passphrase",
                // issue 14 row 15: names are free text (service-support's FreeText): no lone surrogate, no override
                body("auto_failover", 9998, 9999, null, null).replace("\"Studio\"", "\"Stu\\ud800dio\""), "name",
                body("auto_failover", 9998, 9999, null, null).replace("\"Videon A\"", "\"Videon \\u202eA\""),
                "primary_source.name",
                "{\"name\":\"x\",\"redundancy_mode\":\"auto_failover\",\"failover_threshold\":5,"
                        + "\"health_check_interval\":10,\"primary_source\":{\"name\":\"A\",\"mode\":\"listener\",\"port\":9998}}",
                "secondary_source",
                "{\"name\":\"x\",\"redundancy_mode\":\"single\",\"failover_threshold\":0,\"health_check_interval\":10,"
                        + "\"primary_source\":{\"name\":\"A\",\"mode\":\"caller\",\"port\":9998}}", "failover_threshold");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            HttpResponse<String> response = call("PUT", admin, c.getKey());
            assertThat(response.statusCode()).as(c.getValue()).isEqualTo(400);
            assertThat(response.body()).as(c.getValue()).contains("\"field\":\"" + c.getValue() + "\"")
                    .doesNotContain("short\"");
        }
        assertThat(dynamo.getItem(b -> b.tableName("lunora-local-SourceConfiguration").key(Map.of(
                "organization_id", AttributeValue.fromS("org-src"), "config_id", AttributeValue.fromS("default"))))
                .hasItem()).isFalse();
    }

    @Test
    void shouldLetOnlyAdminsChangeTheConfiguration() throws Exception {
        HttpResponse<String> response = call("PUT", operator, body("single", 9998, 9999, null, null));
        String viewer = issuer.userToken("vic", "org-src", Group.VIP);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(call("GET", viewer, null).statusCode()).isEqualTo(403);
        assertThat(call("GET", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldKeepEachOrganizationsConfigurationApart() throws Exception {
        call("PUT", admin, body("manual", 9100, 9101, null, null));
        String otherAdmin = issuer.userToken("eve", "org-other", Group.ADMINS);

        HttpResponse<String> other = call("GET", otherAdmin, null);

        assertThat(other.body()).contains("\"redundancy_mode\":\"auto_failover\"").doesNotContain("9100");
    }

    private Map<String, AttributeValue> storedItem() {
        return dynamo.getItem(b -> b.tableName("lunora-local-SourceConfiguration").key(Map.of(
                "organization_id", AttributeValue.fromS("org-src"), "config_id", AttributeValue.fromS("default")))).item();
    }

    private long secretFiles() throws Exception {
        try (Stream<Path> files = Files.list(dataDir.resolve("secrets"))) {
            return files.filter(f -> f.toString().endsWith(".secret")).count();
        }
    }

    private static String body(String mode, int primaryPort, int secondaryPort, String passphrase, Long version) {
        return "{\"name\":\"Studio\",\"redundancy_mode\":\"" + mode + "\",\"failover_threshold\":2,"
                + "\"health_check_interval\":5,\"failback\":\"stay\","
                + "\"primary_source\":{\"name\":\"Videon A\",\"mode\":\"listener\",\"port\":" + primaryPort
                + (passphrase == null ? "" : ",\"passphrase\":\"" + passphrase + "\"") + "},"
                + "\"secondary_source\":{\"name\":\"Videon B\",\"mode\":\"listener\",\"port\":" + secondaryPort + "}"
                + (version == null ? "" : ",\"version\":" + version) + "}";
    }

    private HttpResponse<String> call(String method, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/sources/config"))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
