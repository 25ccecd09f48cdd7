package io.lunora.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.auth.users.UserAccount;
import io.lunora.testing.oidc.Browser;
import io.lunora.testing.oidc.OidcFlow.Onboarded;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Password expiry and history of the internal pool against the real store (DynamoDB Local): a
 * password older than the maximum age (90 days by default) must be changed at sign-in, like a
 * temporary one, and the new one may not be any of the last 12 (the current one included).
 */
class PasswordLifecycleTest extends AuthServerTestBase {
    private static final String FRESH_PASSWORD = "Fresh-Harbour-Lights-27";

    @Test
    void shouldAskForANewPasswordAtSignInOnceTheCurrentOneExpiredAndRefuseRecentOnes() {
        String name = "pe" + UUID.randomUUID().toString().substring(0, 8);
        String temporary = invite(admin().tokens().accessToken(), name, name + "@example.com", "operators");
        Onboarded operator = firstSignIn(browser(), "lunora-operator", name, temporary, STRONG_PASSWORD);
        String id = claims(operator.tokens().accessToken()).path("sub").asString();
        assertThat(signIn(browser(), newAuthorization("lunora-operator", "stream"), name, STRONG_PASSWORD)
                .uri().getPath()).as("a current password goes straight to the second factor").isEqualTo("/auth/mfa");

        UserAccount current = users.findById(id).orElseThrow();
        users.save(current.withPassword(current.passwordHash(), current.passwordHistory(),
                Instant.now().minus(Duration.ofDays(91)), false));

        Browser browser = browser();
        assertThat(signIn(browser, newAuthorization("lunora-operator", "stream"), name, STRONG_PASSWORD)
                .uri().getPath()).as("an expired password is changed first").isEqualTo("/auth/password");
        HttpResponse<String> same = browser.submit("/auth/password",
                Map.of("password", STRONG_PASSWORD, "confirmation", STRONG_PASSWORD));
        assertThat(same.statusCode()).isEqualTo(400);
        assertThat(same.body()).contains("must differ from your last 12 passwords");
        HttpResponse<String> earlier = browser.submit("/auth/password",
                Map.of("password", temporary, "confirmation", temporary));
        assertThat(earlier.statusCode()).as("the invitation's password is in the history").isEqualTo(400);
        assertThat(earlier.body()).contains("must differ from your last 12 passwords");

        HttpResponse<String> changed = browser.follow(browser.submit("/auth/password",
                Map.of("password", FRESH_PASSWORD, "confirmation", FRESH_PASSWORD)));
        assertThat(changed.uri().getPath()).as("then the second factor as usual").isEqualTo("/auth/mfa");
        UserAccount stored = users.findById(id).orElseThrow();
        assertThat(stored.passwordChangedAt()).isAfter(Instant.now().minus(Duration.ofMinutes(5)));
        assertThat(stored.passwordHistory()).as("the two earlier passwords' hashes").hasSize(2);
        assertThat(signIn(browser(), newAuthorization("lunora-operator", "stream"), name, STRONG_PASSWORD)
                .uri().getPath()).isEqualTo("/login");
        assertThat(signIn(browser(), newAuthorization("lunora-operator", "stream"), name, FRESH_PASSWORD)
                .uri().getPath()).isEqualTo("/auth/mfa");
    }
}
