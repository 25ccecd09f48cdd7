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

/** The user admin API with real tokens of this issuer: roles, organization scope, validation, no secrets. */
class UserAdminApiTest extends AuthServerTestBase {
    private static Onboarded operator;

    private synchronized Onboarded operator() {
        if (operator == null) {
            String temporary = invite(admin().tokens().accessToken(), "otto", "otto@example.com", "operators");
            operator = firstSignIn(browser(), "lunora-operator", "otto", temporary, STRONG_PASSWORD);
        }
        return operator;
    }

    @Test
    void shouldLetOperatorsReadTheirProfileButNothingElse() {
        String token = operator().tokens().accessToken();
        HttpResponse<String> me = api("GET", "/api/users/me", token, null);
        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(me.body());
        assertThat(body.path("username").asString()).isEqualTo("otto");
        assertThat(body.path("group").asString()).isEqualTo("operators");
        assertThat(body.path("mfa_enrolled").asBoolean()).isTrue();
        assertNoSecret(me);

        for (HttpResponse<String> refused : List.of(api("GET", "/api/users", token, null),
                api("POST", "/api/users", token, "{\"username\":\"eve\",\"email\":\"eve@example.com\",\"group\":\"admins\"}"),
                api("POST", "/api/users/" + JSON.readTree(me.body()).path("id").asString() + "/disable", token, null))) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        }
        assertThat(users.findByUsername(Pool.INTERNAL, "eve")).isEmpty();
        assertThat(api("GET", "/api/users/me", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldHideUsersOfAnotherOrganization() {
        UserAccount stranger = users.save(new UserAccount(UUID.randomUUID().toString(), Pool.INTERNAL, "stranger",
                "stranger@other.example.com", Group.OPERATORS, "other-org", true, "{noop}unused", List.of(),
                Instant.now(), false, 0, null, false, 0, List.of(), Instant.now(), null));
        String token = admin().tokens().accessToken();

        assertThat(api("GET", "/api/users/" + stranger.id(), token, null).statusCode()).isEqualTo(404);
        assertThat(api("PUT", "/api/users/" + stranger.id(), token, "{\"group\":\"admins\"}").statusCode()).isEqualTo(404);
        assertThat(api("POST", "/api/users/" + stranger.id() + "/disable", token, null).statusCode()).isEqualTo(404);
        assertThat(api("GET", "/api/users?username=stranger", token, null).body()).isEqualTo("[]");
        assertThat(users.findById(stranger.id()).orElseThrow().enabled()).isTrue();
    }

    @Test
    void shouldRejectBadInvitationsWithTheFieldAtFaultAndCreateNothing() {
        String token = admin().tokens().accessToken();
        HttpResponse<String> bad = api("POST", "/api/users", token,
                "{\"username\":\"x\",\"email\":\"not-an-email\",\"group\":\"free\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        List<String> fields = JSON.readTree(bad.body()).path("errors").valueStream()
                .map(e -> e.path("field").asString()).toList();
        assertThat(fields).containsExactly("email", "group", "username");
        assertThat(users.findByUsername(Pool.INTERNAL, "x")).isEmpty();

        HttpResponse<String> taken = api("POST", "/api/users", token,
                "{\"username\":\"ADMIN\",\"email\":\"someone@example.com\",\"group\":\"operators\"}");
        assertThat(taken.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(taken.body()).path("errors").get(0).path("field").asString()).isEqualTo("username");
        HttpResponse<String> badGroup = api("PUT", "/api/users/" + users.findByUsername(Pool.INTERNAL, "admin")
                .orElseThrow().id(), token, "{\"group\":\"vip\"}");
        assertThat(JSON.readTree(badGroup.body()).path("errors").get(0).path("field").asString()).isEqualTo("group");
    }

    @Test
    void shouldSearchChangeDisableAndEnableUsersWithoutRevealingSecrets() {
        String token = admin().tokens().accessToken();
        String temporary = invite(token, "paula", "paula@example.com", "operators");
        HttpResponse<String> found = api("GET", "/api/users?email=PAULA@", token, null);
        assertThat(found.statusCode()).isEqualTo(200);
        JsonNode list = JSON.readTree(found.body());
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).path("status").asString()).isEqualTo("FORCE_CHANGE_PASSWORD");
        assertThat(found.body()).doesNotContain(temporary);
        assertNoSecret(found);
        String id = list.get(0).path("id").asString();

        HttpResponse<String> promoted = api("PUT", "/api/users/" + id, token, "{\"group\":\"admins\"}");
        assertThat(JSON.readTree(promoted.body()).path("group").asString()).isEqualTo("admins");
        HttpResponse<String> disabled = api("POST", "/api/users/" + id + "/disable", token, null);
        assertThat(JSON.readTree(disabled.body()).path("enabled").asBoolean()).isFalse();
        HttpResponse<String> refused = signIn(browser(), newAuthorization("lunora-admin", "admin"), "paula", temporary);
        assertThat(refused.statusCode()).as("a disabled user cannot sign in").isEqualTo(401);
        HttpResponse<String> enabled = api("POST", "/api/users/" + id + "/enable", token, null);
        assertThat(JSON.readTree(enabled.body()).path("enabled").asBoolean()).isTrue();
        assertNoSecret(promoted);

        String adminId = users.findByUsername(Pool.INTERNAL, "admin").orElseThrow().id();
        assertThat(api("POST", "/api/users/" + adminId + "/disable", token, null).statusCode())
                .as("an admin cannot lock themselves out").isEqualTo(409);
    }

    /** No member of the document is a password, hash, TOTP secret or backup code, however named. */
    private static void assertNoSecret(HttpResponse<String> response) {
        JsonNode body = JSON.readTree(response.body());
        List<JsonNode> users = body.isArray() ? body.valueStream().toList() : List.of(body);
        for (JsonNode user : users) {
            assertThat(user.propertyNames()).allSatisfy(name -> assertThat(name)
                    .doesNotContain("password").doesNotContain("hash").doesNotContain("secret")
                    .doesNotContain("backup").doesNotContain("totp"));
            assertThat(user.toString()).doesNotContain("{bcrypt}").doesNotContain("$2a$");
        }
    }
}
