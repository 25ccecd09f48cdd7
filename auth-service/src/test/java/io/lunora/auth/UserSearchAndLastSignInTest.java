package io.lunora.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.testing.oidc.OidcFlow.Onboarded;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The admin's user list: each user's last completed sign-in (recorded by this issuer), and search by
 * name or email and by role, validated with the parameter at fault. Real tokens, DynamoDB Local.
 */
class UserSearchAndLastSignInTest extends AuthServerTestBase {

    @Test
    void shouldShowNoSignInForAnInviteeAndTheTimeOfTheLatestCompletedSignIn() {
        String name = "ls" + UUID.randomUUID().toString().substring(0, 8);
        String temporary = invite(admin().tokens().accessToken(), name, name + "@example.com", "operators");
        assertThat(listed("?q=" + name).path("last_sign_in_at").isNull()).as("invited, never signed in").isTrue();

        Instant before = Instant.now().minusSeconds(1);
        firstSignIn(browser(), "lunora-operator", name, temporary, STRONG_PASSWORD);
        Instant first = Instant.parse(listed("?q=" + name).path("last_sign_in_at").asString());
        assertThat(first).isBetween(before, Instant.now().plusSeconds(1));

        signIn(browser(), newAuthorization("lunora-operator", "stream"), name, STRONG_PASSWORD);
        assertThat(Instant.parse(listed("?q=" + name).path("last_sign_in_at").asString()))
                .as("a password alone is no completed sign-in: the TOTP step is still owed").isEqualTo(first);
    }

    @Test
    void shouldFindUsersByPartOfTheirNameOrEmailAndByRole() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String token = admin().tokens().accessToken();
        invite(token, "op" + tag, "first." + tag + "@example.com", "operators");
        invite(token, "ad" + tag, "second." + tag + "@example.org", "admins");

        assertThat(usernames("?q=" + tag)).containsExactly("ad" + tag, "op" + tag);
        assertThat(usernames("?q=FIRST." + tag.toUpperCase())).as("email, case-insensitive").containsExactly("op" + tag);
        assertThat(usernames("?q=" + tag + "&role=admins")).containsExactly("ad" + tag);
        assertThat(usernames("?q=" + tag + "&role=operators")).containsExactly("op" + tag);
        assertThat(usernames("?role=admins")).contains("admin", "ad" + tag).doesNotContain("op" + tag);
        assertThat(usernames("?q=nobody-" + tag)).isEmpty();
    }

    @Test
    void shouldRefuseBadSearchInputWithTheParameterAtFault() {
        String token = admin().tokens().accessToken();
        assertRefused(api("GET", "/api/users?role=superuser", token, null), "role");
        assertRefused(api("GET", "/api/users?q=" + "x".repeat(255), token, null), "q");
        assertRefused(api("GET", "/api/users?q=" + URLEncoder.encode("a\u0000b", StandardCharsets.UTF_8), token, null),
                "q");
        assertRefused(api("GET", "/api/users?email=" + URLEncoder.encode("\u001b[31m", StandardCharsets.UTF_8), token,
                null), "email");
    }

    @Test
    void shouldRefuseTheSearchToNonAdmins() {
        String name = "ns" + UUID.randomUUID().toString().substring(0, 8);
        Onboarded operator = firstSignIn(browser(), "lunora-operator", name,
                invite(admin().tokens().accessToken(), name, name + "@example.com", "operators"), STRONG_PASSWORD);

        HttpResponse<String> refused = api("GET", "/api/users?q=admin", operator.tokens().accessToken(), null);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(refused.body()).doesNotContain("admin@");
    }

    private JsonNode listed(String query) {
        HttpResponse<String> list = api("GET", "/api/users" + query, admin().tokens().accessToken(), null);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        JsonNode users = JSON.readTree(list.body());
        assertThat(users.size()).as(list.body()).isEqualTo(1);
        return users.get(0);
    }

    private List<String> usernames(String query) {
        HttpResponse<String> list = api("GET", "/api/users" + query, admin().tokens().accessToken(), null);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        return JSON.readTree(list.body()).valueStream().map(u -> u.path("username").asString()).toList();
    }

    private static void assertRefused(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode errors = JSON.readTree(response.body()).path("errors");
        assertThat(errors.valueStream().map(e -> e.path("field").asString()).toList()).containsExactly(field);
        assertThat(response.body()).doesNotContain("\u001b");
    }
}
