package io.lunora.support.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.identity.Group;
import io.lunora.model.identity.LunoraClaims;
import io.lunora.testing.DynamoDbLocal;
import io.lunora.testing.TestIssuer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * The support library end to end in a sample service: real JWTs, DynamoDB Local, optimistic
 * locking, organization scope and problem+json errors.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "lunora.dynamodb.service=source-service", "lunora.dynamodb.create-tables=true",
        "lunora.dynamodb.environment=sample", "lunora.security.issuer=" + TestIssuer.ISSUER,
        "lunora.http.max-body-bytes=1024"})
class ServiceSupportTest {
    static final TestIssuer issuer = new TestIssuer();
    static final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("lunora.dynamodb.endpoint", () -> DynamoDbLocal.shared().endpoint());
        registry.add("lunora.security.jwk-set-uri", issuer::jwkSetUri);
    }

    @AfterAll
    static void closeIssuer() {
        issuer.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    DynamoDbTable<ConfigItem> table;

    final String admin = issuer.userToken("ada", "org-1", Group.ADMINS);
    final String operator = issuer.userToken("otto", "org-1", Group.OPERATORS);

    @BeforeEach
    void seed() {
        ConfigItem item = new ConfigItem();
        item.setOrganizationId("org-1");
        item.setConfigId("main");
        item.setName("Studio");
        table.deleteItem(Key.builder().partitionValue("org-1").sortValue("main").build());
        table.putItem(item); // version 1
    }

    @Test
    void shouldRejectStaleUpdateWith409AndKeepTheWinningWrite() throws Exception {
        HttpResponse<String> first = put(admin, "/api/configs/main", "{\"name\":\"First\",\"version\":1}");
        HttpResponse<String> stale = put(admin, "/api/configs/main", "{\"name\":\"Second\",\"version\":1}");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertProblem(stale);
        ConfigItem stored = table.getItem(Key.builder().partitionValue("org-1").sortValue("main").build());
        assertThat(stored.getName()).isEqualTo("First");
        assertThat(stored.getVersion()).isEqualTo(2L);
    }

    @Test
    void shouldNameTheFieldAtFaultAndStoreNothing() throws Exception {
        HttpResponse<String> response = put(admin, "/api/configs/main", "{\"name\":\"\",\"version\":1}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertProblem(response);
        assertThat(response.body()).contains("\"field\":\"name\"");
        assertThat(table.getItem(Key.builder().partitionValue("org-1").sortValue("main").build()).getName())
                .isEqualTo("Studio");
    }

    @Test
    void shouldAnswerMalformedAndOversizedBodiesAsProblems() throws Exception {
        HttpResponse<String> malformed = put(admin, "/api/configs/main", "{\"name\":");
        HttpResponse<String> oversized = put(admin, "/api/configs/main",
                "{\"name\":\"" + "x".repeat(2000) + "\",\"version\":1}");

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertProblem(malformed);
        assertThat(oversized.statusCode()).isEqualTo(413);
        assertProblem(oversized);
    }

    @Test
    void shouldHideAnotherOrganizationsResourceAs404() throws Exception {
        String otherOrg = issuer.userToken("eve", "org-2", Group.ADMINS);

        HttpResponse<String> response = get(otherOrg, "/api/configs/main");

        assertThat(response.statusCode()).isEqualTo(404);
        assertProblem(response);
    }

    @Test
    void shouldEnforceRolesInTheServiceItself() throws Exception {
        String viewer = issuer.userToken("vic", "org-1", Group.PREMIUM);

        assertThat(get(operator, "/api/configs/main").statusCode()).isEqualTo(200);
        assertThat(put(operator, "/api/configs/main", "{\"name\":\"X\",\"version\":1}").statusCode()).isEqualTo(403);
        assertThat(get(viewer, "/api/configs/main").statusCode()).isEqualTo(403);
        assertProblem(get(viewer, "/api/configs/main"));
    }

    @Test
    void shouldRefuseTokensThatAreNotAccessTokensOfAKnownIssuer() throws Exception {
        String idToken = issuer.token(c -> c.subject("u").claim(LunoraClaims.TOKEN_USE, "id")
                .claim(LunoraClaims.CLIENT_ID, TestIssuer.OPERATOR_CLIENT)
                .claim(LunoraClaims.ORGANIZATION, "org-1").claim(LunoraClaims.GROUPS, java.util.List.of("admins")));
        String wrongIssuer = issuer.token(c -> c.issuer("https://evil.example").subject("u")
                .claim(LunoraClaims.CLIENT_ID, TestIssuer.OPERATOR_CLIENT)
                .claim(LunoraClaims.GROUPS, java.util.List.of("admins")));
        String expired = issuer.token(c -> c.subject("u").claim(LunoraClaims.CLIENT_ID, TestIssuer.OPERATOR_CLIENT)
                .expirationTime(new java.util.Date(System.currentTimeMillis() - 600_000))
                .claim(LunoraClaims.GROUPS, java.util.List.of("admins")));

        for (String token : new String[] {idToken, wrongIssuer, expired, "not-a-jwt"}) {
            HttpResponse<String> response = get(token, "/api/configs/main");
            assertThat(response.statusCode()).isEqualTo(401);
            assertProblem(response);
        }
    }

    private static void assertProblem(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":" + response.statusCode());
    }

    private HttpResponse<String> get(String token, String path) throws Exception {
        return http.send(request(token, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(String token, String path, String body) throws Exception {
        return http.send(request(token, path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String token, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token);
    }
}
