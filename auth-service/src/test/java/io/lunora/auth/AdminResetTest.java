package io.lunora.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.auth.users.UserAccount;
import io.lunora.model.identity.Group;
import io.lunora.model.identity.Pool;
import io.lunora.testing.oidc.OidcFlow.Onboarded;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/users/{id}/reset}: an admin resets an operator's password and MFA; the temporary
 * password arrives by real mail, the old password and tokens stop working, the next sign-in sets a
 * password and enrols again. Admins only, in their organization only, problem+json for bad input.
 */
class AdminResetTest extends AuthServerTestBase {

    @Test
    void shouldMailATemporaryPasswordClearMfaAndRevokeTheUsersTokens() {
        String name = "rs" + UUID.randomUUID().toString().substring(0, 8);
        String email = name + "@example.com";
        Onboarded user = firstSignIn(browser(), "lunora-operator", name,
                invite(admin().tokens().accessToken(), name, email, "operators"), STRONG_PASSWORD);
        JsonNode claims = claims(user.tokens().accessToken());
        String id = claims.path("sub").asString();
        String invitationPassword = temporaryPasswordMailedTo(email);

        HttpResponse<String> reset = api("POST", "/api/users/" + id + "/reset", admin().tokens().accessToken(),
                "{\"password\":true,\"mfa\":true}");

        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        JsonNode view = JSON.readTree(reset.body());
        assertThat(view.path("status").asString()).isEqualTo("FORCE_CHANGE_PASSWORD");
        assertThat(view.path("mfa_enrolled").asBoolean()).isFalse();
        assertThat(reset.body()).doesNotContain("password\":\"").doesNotContain("hash");
        String temporary = temporaryPasswordMailedTo(email);
        assertThat(temporary).isNotEqualTo(invitationPassword);
        UserAccount stored = users.findById(id).orElseThrow();
        assertThat(stored.tokensValidFromSecond())
                .as("the token issued before the reset is revoked").isGreaterThan(claims.path("iat").asLong());

        assertThat(signIn(browser(), newAuthorization("lunora-operator", "stream"), name, STRONG_PASSWORD)
                .uri().getPath()).as("the old password no longer signs in").isEqualTo("/login");
        Onboarded again = firstSignIn(browser(), "lunora-operator", name, temporary, "Another-Horse-Battery-7");
        assertThat(again.tokens().accessToken()).isNotBlank();
    }

    @Test
    void shouldRefuseAnEmptyResetWithTheFieldAtFault() {
        String id = users.findByUsername(Pool.INTERNAL, "admin").orElseThrow().id();
        String operator = operatorOfThisOrganization();
        HttpResponse<String> empty = api("POST", "/api/users/" + operator + "/reset", admin().tokens().accessToken(),
                "{\"password\":false}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(empty.body()).path("errors").get(0).path("field").asString()).isEqualTo("password");

        assertThat(api("POST", "/api/users/" + id + "/reset", admin().tokens().accessToken(), "{\"mfa\":true}")
                .statusCode()).as("an admin does not reset themselves").isEqualTo(409);
        assertThat(api("POST", "/api/users/" + operator + "/reset", admin().tokens().accessToken(), "{\"mfa\":1,")
                .statusCode()).isEqualTo(400);
    }

    @Test
    void shouldHideUsersOfAnotherOrganizationAndRefuseNonAdmins() {
        UserAccount stranger = users.save(new UserAccount(UUID.randomUUID().toString(), Pool.INTERNAL,
                "st" + UUID.randomUUID().toString().substring(0, 8), UUID.randomUUID() + "@other.example.com",
                Group.OPERATORS, "other-org", true, "{noop}Unused-Pass-123", List.of(), Instant.now(), false, 0, null,
                true, 0, List.of(), Instant.now(), null));

        HttpResponse<String> foreign = api("POST", "/api/users/" + stranger.id() + "/reset",
                admin().tokens().accessToken(), "{\"password\":true,\"mfa\":true}");

        assertThat(foreign.statusCode()).isEqualTo(404);
        UserAccount unchanged = users.findById(stranger.id()).orElseThrow();
        assertThat(unchanged.mfaEnrolled()).isTrue();
        assertThat(unchanged.passwordHash()).isEqualTo("{noop}Unused-Pass-123");
        assertThat(unchanged.tokensNotBefore()).isNull();

        String name = "ro" + UUID.randomUUID().toString().substring(0, 8);
        Onboarded operator = firstSignIn(browser(), "lunora-operator", name,
                invite(admin().tokens().accessToken(), name, name + "@example.com", "operators"), STRONG_PASSWORD);
        String adminId = users.findByUsername(Pool.INTERNAL, "admin").orElseThrow().id();
        assertThat(api("POST", "/api/users/" + adminId + "/reset", operator.tokens().accessToken(),
                "{\"password\":true}").statusCode()).isEqualTo(403);
        assertThat(api("POST", "/api/users/" + adminId + "/reset", null, "{\"password\":true}").statusCode())
                .isEqualTo(401);
    }

    private String operatorOfThisOrganization() {
        String name = "ro" + UUID.randomUUID().toString().substring(0, 8);
        invite(admin().tokens().accessToken(), name, name + "@example.com", "operators");
        return users.findByUsername(Pool.INTERNAL, name).orElseThrow().id();
    }
}
