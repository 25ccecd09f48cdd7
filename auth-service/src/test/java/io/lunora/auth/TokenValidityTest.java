package io.lunora.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.identity.ServiceClient;
import io.lunora.testing.oidc.OidcFlow.Onboarded;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /internal/users/{id}/token-validity}, the gateway's revocation check: service tokens
 * only; a disabled user is inactive and stays revoked up to the disable after an enable; a
 * deleted (unknown) user is 404.
 */
class TokenValidityTest extends AuthServerTestBase {

    @Test
    void shouldTellTheGatewayWhichTokensOfAUserAreRevoked() {
        String name = "tv" + UUID.randomUUID().toString().substring(0, 8);
        Onboarded user = firstSignIn(browser(), "lunora-operator", name,
                invite(admin().tokens().accessToken(), name, name + "@example.com", "operators"), STRONG_PASSWORD);
        JsonNode claims = claims(user.tokens().accessToken());
        String id = claims.path("sub").asString();
        long issuedAt = claims.path("iat").asLong();

        JsonNode fresh = validity(id);
        assertThat(fresh.path("active").asBoolean()).isTrue();
        assertThat(fresh.path("not_before_epoch_second").asLong())
                .as("the password chosen at the first sign-in does not revoke the token issued after it")
                .isLessThanOrEqualTo(issuedAt);

        String admin = admin().tokens().accessToken();
        assertThat(api("POST", "/api/users/" + id + "/disable", admin, null).statusCode()).isEqualTo(200);
        assertThat(validity(id).path("active").asBoolean()).isFalse();

        assertThat(api("POST", "/api/users/" + id + "/enable", admin, null).statusCode()).isEqualTo(200);
        JsonNode enabled = validity(id);
        assertThat(enabled.path("active").asBoolean()).isTrue();
        assertThat(enabled.path("not_before_epoch_second").asLong())
                .as("tokens issued before the disable stay revoked").isGreaterThanOrEqualTo(issuedAt);
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownUser() {
        assertThat(api("GET", "/internal/users/" + UUID.randomUUID() + "/token-validity", serviceToken(), null)
                .statusCode()).isEqualTo(404);
    }

    @Test
    void shouldRefuseCallersWithoutTheServiceScope() {
        String path = "/internal/users/" + UUID.randomUUID() + "/token-validity";
        assertThat(api("GET", path, null, null).statusCode()).isEqualTo(401);
        HttpResponse<String> user = api("GET", path, admin().tokens().accessToken(), null);
        assertThat(user.statusCode()).isEqualTo(403);
        assertThat(user.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    JsonNode validity(String id) {
        HttpResponse<String> answer = api("GET", "/internal/users/" + id + "/token-validity", serviceToken(), null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    String serviceToken() {
        HttpResponse<String> issued = clientCredentials(ServiceClient.GATEWAY);
        return JSON.readTree(issued.body()).path("access_token").asString();
    }
}
