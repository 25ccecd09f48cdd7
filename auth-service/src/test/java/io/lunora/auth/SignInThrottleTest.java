package io.lunora.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.model.identity.Pool;
import io.lunora.testing.oidc.Browser;
import io.lunora.testing.oidc.OidcFlow.Authorization;
import io.lunora.testing.oidc.OidcFlow.Onboarded;
import io.lunora.testing.oidc.OidcFlow.Tokens;
import io.lunora.testing.oidc.Totp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Sign-in brute force (issue 14, rows 1, 7, 17): failures of both factors slow an account down
 * progressively, one address is paused for one account after many failures (for a bounded time,
 * said in words), an address has a failure budget over all accounts, and a stranger's failures
 * never keep the owner out. Client addresses are told by X-Forwarded-For, trusted from loopback
 * as from the gateway. The test context's delays: 2 s doubling to 4 s, a pause after 6 failures
 * (defaults: 1 s to 1 min, 10); the address budget is the default 50.
 */
class SignInThrottleTest extends AuthServerTestBase {

    @Test
    void shouldDelayAnAccountAfterThreeFailuresAndAnswerAnUnknownNameAlike() {
        String temporary = invite(admin().tokens().accessToken(), "lars", "lars@example.com", "operators");
        String unknown = "nobody-" + UUID.randomUUID();
        Browser attacker = browser().forwardedFor(newAddress());
        Authorization a = newAuthorization("lunora-operator", "stream");
        HttpResponse<String> known = failThriceThenTry(attacker, a, "lars", temporary);
        HttpResponse<String> nobody = failThriceThenTry(attacker, a, unknown, temporary);

        assertThat(known.statusCode()).as("the right password is not even tried during the delay").isEqualTo(429);
        assertThat(known.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(s).isIn("1", "2"));
        assertThat(known.body()).containsPattern("Too many failed sign-ins for this account. Wait [12] seconds? and try again.");
        assertThat(nobody.statusCode()).isEqualTo(429);
        assertThat(withoutCsrfToken(nobody.body()).replaceAll("Wait [12] seconds?", "Wait"))
                .as("an unknown name answers alike")
                .isEqualTo(withoutCsrfToken(known.body()).replaceAll("Wait [12] seconds?", "Wait"));
        assertThat(users.findByUsername(Pool.INTERNAL, "lars").orElseThrow().failedSignIns()).isEqualTo(3);
    }

    @Test
    void shouldPauseOnlyTheAttackersAddressAndNeverKeepTheOwnerOut() {
        String temporary = invite(admin().tokens().accessToken(), "mona", "mona@example.com", "operators");
        String ownersAddress = newAddress();
        Onboarded owner = firstSignIn(browser().forwardedFor(ownersAddress), "lunora-operator", "mona", temporary,
                STRONG_PASSWORD);
        Browser attacker = browser().forwardedFor(newAddress());
        Authorization a = newAuthorization("lunora-operator", "stream");
        for (int i = 1; i <= 6; i++) {
            int attempt = i;
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(150)).until(() -> {
                HttpResponse<String> answer = signIn(attacker, a, "mona", "Wrong-Password-" + attempt);
                return answer.statusCode() == 401; // 429 while delayed: not counted, tried again
            });
        }
        HttpResponse<String> paused = signIn(attacker, a, "mona", "Wrong-Password-7");
        assertThat(paused.statusCode()).isEqualTo(429);
        assertThat(paused.headers().firstValue("Retry-After")).hasValueSatisfying(
                s -> assertThat(Long.parseLong(s)).isBetween(890L, 900L));
        assertThat(paused.body()).contains("Signing in to this account from your network is paused for 15 minutes")
                .contains("the account itself is not locked");

        // the owner's familiar address is not delayed by the stranger's failures: both factors, tokens
        Tokens tokens = signInFully(browser().forwardedFor(ownersAddress), "mona", owner.totpSecret(), 1);
        assertThat(tokens.accessToken()).isNotBlank();
        assertThat(users.findByUsername(Pool.INTERNAL, "mona").orElseThrow().failedSignIns()).isZero();
        assertThat(signIn(attacker, a, "mona", STRONG_PASSWORD).statusCode())
                .as("the attacker's pause stays until its time is up").isEqualTo(429);
    }

    @Test
    void shouldDelayWrongCodesAfterTheRightPasswordLikeWrongPasswords() {
        String temporary = invite(admin().tokens().accessToken(), "tomas", "tomas@example.com", "operators");
        Onboarded user = firstSignIn(browser().forwardedFor(newAddress()), "lunora-operator", "tomas", temporary,
                STRONG_PASSWORD);
        String valid = Totp.code(user.totpSecret(), Totp.currentStep());
        String wrong = valid.equals("123456") ? "654321" : "123456";
        Browser attacker = browser().forwardedFor(newAddress());
        for (int i = 1; i <= 3; i++) { // one wrong code per round, each after the right password
            HttpResponse<String> challenge = signIn(attacker, newAuthorization("lunora-operator", "stream"), "tomas",
                    STRONG_PASSWORD);
            assertThat(challenge.uri().getPath()).as("round %d reaches the second factor", i).isEqualTo("/auth/mfa");
            assertThat(attacker.submit("/auth/mfa", Map.of("code", wrong)).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> delayed = attacker.submit("/auth/mfa", Map.of("code", wrong));
        assertThat(delayed.statusCode()).as("a right password does not reset the codes' count").isEqualTo(429);
        assertThat(delayed.body()).contains("Too many failed sign-ins for this account.");
        assertThat(signIn(attacker, newAuthorization("lunora-operator", "stream"), "tomas", STRONG_PASSWORD)
                .statusCode()).isEqualTo(429);
        assertThat(users.findByUsername(Pool.INTERNAL, "tomas").orElseThrow().failedSignIns()).isEqualTo(3);
    }

    @Test
    void shouldLimitTheFailuresOfOneAddressOverAllAccounts() {
        String address = newAddress();
        Browser attacker = browser().forwardedFor(address);
        Authorization a = newAuthorization("lunora-watch", "watch");
        for (int i = 1; i <= 50; i++) {
            assertThat(signIn(attacker, a, "sprayed-" + i + "-" + UUID.randomUUID(), "Spring-2026!").statusCode())
                    .as("failure %d", i).isEqualTo(401);
        }
        HttpResponse<String> limited = signIn(attacker, a, "sprayed-51-" + UUID.randomUUID(), "Spring-2026!");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.body()).contains("Too many failed sign-ins from your network. Try again in");
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isPositive();

        HttpResponse<String> elsewhere = signIn(browser().forwardedFor(newAddress()), a,
                "sprayed-14-" + UUID.randomUUID(), "Spring-2026!");
        assertThat(elsewhere.statusCode()).as("another address has its own budget").isEqualTo(401);
    }

    private HttpResponse<String> failThriceThenTry(Browser browser, Authorization a, String name, String password) {
        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> failed = signIn(browser, a, name, "Wrong-Password-" + i);
            assertThat(failed.statusCode()).as("failure %d of %s", i, name).isEqualTo(401);
            assertThat(failed.body()).contains("Incorrect user name or password.");
        }
        return signIn(browser, a, name, password);
    }

    private static String withoutCsrfToken(String page) {
        return page.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "");
    }

    private Tokens signInFully(Browser browser, String username, String totpSecret, int stepOffset) {
        Authorization a = newAuthorization("lunora-operator", "stream");
        HttpResponse<String> challenge = signIn(browser, a, username, STRONG_PASSWORD);
        assertThat(challenge.uri().getPath()).as(challenge.body()).isEqualTo("/auth/mfa");
        return exchange(a, browser.follow(browser.submit("/auth/mfa",
                Map.of("code", Totp.code(totpSecret, Totp.currentStep() + stepOffset)))));
    }

    /** An address of TEST-NET-3, new per call, so that tests do not share budgets. */
    private static String newAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "203.0." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }
}
