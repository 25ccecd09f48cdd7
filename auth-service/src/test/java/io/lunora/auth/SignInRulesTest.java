package io.lunora.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.auth.users.Passwords;
import io.lunora.auth.users.UserAccount;
import io.lunora.model.identity.Group;
import io.lunora.model.identity.Pool;
import io.lunora.model.identity.ServiceClient;
import io.lunora.testing.oidc.Browser;
import io.lunora.testing.oidc.OidcFlow.Authorization;
import io.lunora.testing.oidc.OidcFlow.Onboarded;
import io.lunora.testing.oidc.OidcFlow.Tokens;
import io.lunora.testing.oidc.Totp;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Failures kept until both factors succeeded (throttling: SignInThrottleTest), the pools' password policies, pool separation and the services client. */
class SignInRulesTest extends AuthServerTestBase {

    @Autowired
    Passwords passwords;

    @Test
    void shouldForgetFailuresOnlyAfterBothFactorsSucceeded() {
        String temporary = invite(admin().tokens().accessToken(), "ulla", "ulla@example.com", "operators");
        Onboarded user = firstSignIn(browser(), "lunora-operator", "ulla", temporary, STRONG_PASSWORD);
        Browser browser = browser();
        Authorization a = newAuthorization("lunora-operator", "stream");
        assertThat(signIn(browser, a, "ulla", "Wrong-Password-1").statusCode()).isEqualTo(401);
        assertThat(signIn(browser, a, "ulla", STRONG_PASSWORD).uri().getPath()).isEqualTo("/auth/mfa");
        assertThat(users.findByUsername(Pool.INTERNAL, "ulla").orElseThrow().failedSignIns())
                .as("the password alone resets nothing").isEqualTo(1);
        Tokens tokens = exchange(a, browser.follow(browser.submit("/auth/mfa",
                Map.of("code", Totp.code(user.totpSecret(), Totp.currentStep() + 1)))));
        assertThat(tokens.accessToken()).isNotBlank();
        assertThat(users.findByUsername(Pool.INTERNAL, "ulla").orElseThrow().failedSignIns()).isZero();
    }

    @Test
    void shouldApplyTheConsumerPolicyAndIssueConsumerTokensWithoutMfa() {
        seedConsumer("vera", "Temporary-Pass-1");
        Browser browser = browser();
        Authorization a = newAuthorization("lunora-watch", "watch");
        HttpResponse<String> passwordPage = signIn(browser, a, "vera", "Temporary-Pass-1");
        assertThat(passwordPage.uri().getPath()).isEqualTo("/auth/password");

        HttpResponse<String> noUpper = browser.submit("/auth/password", Map.of("password", "viewer123", "confirmation", "viewer123"));
        assertThat(noUpper.statusCode()).isEqualTo(400);
        assertThat(noUpper.body()).contains("an upper-case letter");
        HttpResponse<String> tooShort = browser.submit("/auth/password", Map.of("password", "Vw1", "confirmation", "Vw1"));
        assertThat(tooShort.body()).contains("at least 8 characters");
        // 9 characters without a special character: too weak for the internal pool, fine for viewers
        Tokens tokens = exchange(a, browser.follow(browser.submit("/auth/password",
                Map.of("password", "Viewer123", "confirmation", "Viewer123"))));

        JsonNode access = claims(tokens.accessToken());
        assertThat(access.path("client_id").asString()).isEqualTo("lunora-watch");
        assertThat(access.path("cognito:groups").toString()).isEqualTo("[\"free\"]");
        assertThat(access.path("token_use").asString()).isEqualTo("access");
        assertThat(access.has("custom:organization")).isFalse();

        Authorization operatorApp = newAuthorization("lunora-operator", "stream");
        Map<String, String> refused = callback(authorize(browser, operatorApp), operatorApp);
        assertThat(refused).containsEntry("error", "access_denied").doesNotContainKey("code");
    }

    @Test
    void shouldNotLetAnInternalUserSignInThroughAConsumerClient() {
        admin();
        Browser browser = browser();
        HttpResponse<String> refused = signIn(browser, newAuthorization("lunora-watch", "watch"), "admin",
                "Admin-Chosen-Pass-42");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("Incorrect user name or password.");
    }

    @Test
    void shouldIssueClientCredentialsTokensToTheServiceClientsOnly() {
        HttpResponse<String> issued = clientCredentials(ServiceClient.STREAMING_CONTROL);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        JsonNode access = claims(JSON.readTree(issued.body()).path("access_token").asString());
        assertThat(access.path("sub").asString()).isEqualTo("lunora-streaming-control");
        assertThat(access.path("client_id").asString()).isEqualTo("lunora-streaming-control");
        assertThat(access.path("token_use").asString()).isEqualTo("access");
        assertThat(access.path("scope").asString().split(" ")).containsExactlyInAnyOrder(
                "destinations.targets", "presets.read", "sources.read", "catalog.sessions", "engine");
        assertThat(access.has("cognito:groups")).isFalse();
        assertThat(access.has("username")).isFalse();

        String token = JSON.readTree(issued.body()).path("access_token").asString();
        assertThat(api("GET", "/api/users", token, null).statusCode()).as("no group, no user admin").isEqualTo(403);
        assertThat(post("/oauth2/token", Map.of("grant_type", "client_credentials", "scope", "engine"),
                "lunora-streaming-control:wrong-secret").statusCode()).isEqualTo(401);
        assertThat(post("/oauth2/token", Map.of("grant_type", "client_credentials", "scope", "engine"),
                "lunora-streaming-control:" + secretOf(ServiceClient.GATEWAY)).statusCode())
                .as("another service's secret").isEqualTo(401);
        assertThat(post("/oauth2/token", Map.of("grant_type", "client_credentials", "scope", "internal"),
                "lunora-services:" + SERVICES_SECRET).statusCode()).as("the one shared client is gone").isEqualTo(401);
        assertThat(post("/oauth2/token", Map.of("grant_type", "client_credentials", "client_id", "lunora-operator"),
                null).statusCode()).as("a public client has no client credentials grant").isIn(400, 401);
    }

    private void seedConsumer(String username, String temporary) {
        UserAccount draft = new UserAccount(UUID.randomUUID().toString(), Pool.CONSUMER, username,
                username + "@viewers.example.com", Group.FREE, null, true, null, List.of(), Instant.now(), true, 0, null,
                false, 0, List.of(), Instant.now(), null);
        users.save(draft.withPassword(passwords.hashNew(draft, temporary, "password"), List.of(), Instant.now(), true));
    }
}
