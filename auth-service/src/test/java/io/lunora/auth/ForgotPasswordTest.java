package io.lunora.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.auth.users.UserAccount;
import io.lunora.model.identity.Group;
import io.lunora.model.identity.Pool;
import io.lunora.testing.oidc.Browser;
import io.lunora.testing.oidc.OidcFlow;
import io.lunora.testing.oidc.OidcFlow.Authorization;
import io.lunora.testing.oidc.OidcFlow.Onboarded;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * "Forgot password" on the sign-in page of both pools: a single-use code in a real mail through the
 * embedded SMTP server, the same answer whether or not the account exists, throttled per address,
 * and the reset revokes the tokens issued before it.
 */
class ForgotPasswordTest extends AuthServerTestBase {
    private static final Pattern CODE = Pattern.compile("Reset code: (\\d{8})");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"[^\"]*\"");

    @Test
    void shouldResetAnOperatorsPasswordWithTheMailedCodeOnceAndRevokeOlderTokens() {
        String name = "fp" + UUID.randomUUID().toString().substring(0, 8);
        String email = name + "@example.com";
        Onboarded operator = firstSignIn(browser(), "lunora-operator", name,
                invite(admin().tokens().accessToken(), name, email, "operators"), STRONG_PASSWORD);
        long issuedAt = claims(operator.tokens().accessToken()).path("iat").asLong();
        String id = claims(operator.tokens().accessToken()).path("sub").asString();
        // the reset must happen in a later second than the token to be seen revoking it
        await().atMost(Duration.ofSeconds(3)).until(() -> Instant.now().getEpochSecond() > issuedAt);

        Browser browser = onSignInPage("lunora-operator", address());
        HttpResponse<String> asked = askForCode(browser, email.toUpperCase());
        assertThat(asked.statusCode()).isEqualTo(200);
        String code = codeMailedTo(email);

        HttpResponse<String> wrong = browser.submit("/auth/forgot/reset", resetForm(name, otherCode(code), "Brand-New-Pass-2024"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("wrong or expired");
        HttpResponse<String> weak = browser.submit("/auth/forgot/reset", resetForm(name, code, "short"));
        assertThat(weak.statusCode()).as("a weak password does not use up the code").isEqualTo(400);

        HttpResponse<String> changed = browser.submit("/auth/forgot/reset", resetForm(name, code, "Brand-New-Pass-2024"));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(changed.body()).contains("Password changed");
        browser.get("/auth/forgot");
        assertThat(browser.submit("/auth/forgot/reset", resetForm(name, code, "Other-New-Pass-2025")).statusCode())
                .as("the code works once").isEqualTo(400);

        assertThat(users.findById(id).orElseThrow().tokensValidFromSecond())
                .as("tokens issued before the reset are revoked").isGreaterThan(issuedAt);
        assertThat(signIn(browser(), newAuthorization("lunora-operator", "stream"), name, STRONG_PASSWORD)
                .uri().getPath()).isEqualTo("/login");
        assertThat(signIn(browser(), newAuthorization("lunora-operator", "stream"), name, "Brand-New-Pass-2024")
                .uri().getPath()).as("the new password, then the authenticator as before").isEqualTo("/auth/mfa");
    }

    @Test
    void shouldResetAViewersPasswordAndSignInWithIt() {
        String name = "vw" + UUID.randomUUID().toString().substring(0, 8);
        String email = name + "@viewers.example.com";
        users.save(new UserAccount(UUID.randomUUID().toString(), Pool.CONSUMER, name, email, Group.FREE, null, true,
                "{noop}Forgotten-1", List.of(), Instant.now(), false, 0, null, false, 0, List.of(), Instant.now(), null));

        Browser browser = onSignInPage("lunora-watch", address());
        assertThat(askForCode(browser, name).statusCode()).isEqualTo(200);
        HttpResponse<String> changed = browser.submit("/auth/forgot/reset",
                resetForm(name, codeMailedTo(email), "Viewer-pass-2"));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

        Authorization watch = newAuthorization("lunora-watch", "watch");
        assertThat(callback(signIn(browser(), watch, name, "Viewer-pass-2"), watch)).containsKey("code");
    }

    @Test
    void shouldAnswerAlikeForUnknownAccountsAndAccountsOfTheOtherPool() {
        String name = "en" + UUID.randomUUID().toString().substring(0, 8);
        String email = name + "@example.com";
        invite(admin().tokens().accessToken(), name, email, "operators");
        int mailsBefore = greenMail.getReceivedMessages().length;

        String address = address();
        HttpResponse<String> known = askForCode(onSignInPage("lunora-operator", address), name);
        HttpResponse<String> unknown = askForCode(onSignInPage("lunora-operator", address), "nobody-" + name);
        HttpResponse<String> otherPool = askForCode(onSignInPage("lunora-watch", address), name);

        assertThat(unknown.statusCode()).isEqualTo(known.statusCode());
        assertThat(comparable(unknown, "nobody-" + name)).isEqualTo(comparable(known, name));
        codeMailedTo(email);
        assertThat(otherPool.statusCode()).isEqualTo(200);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> greenMail.getReceivedMessages().length == mailsBefore + 1);
    }

    @Test
    void shouldThrottleAnAddressThatAsksTooOften() {
        String address = address();
        for (int i = 0; i < 10; i++) {
            assertThat(askForCode(onSignInPage("lunora-operator", address), "nobody-" + i).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = askForCode(onSignInPage("lunora-operator", address), "nobody-else");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(askForCode(onSignInPage("lunora-operator", address()), "nobody").statusCode())
                .as("another address is not affected").isEqualTo(200);
    }

    private Browser onSignInPage(String clientId, String address) {
        Browser browser = browser().forwardedFor(address);
        HttpResponse<String> login = authorize(browser, newAuthorization(clientId, OidcFlow.appOf(clientId)));
        assertThat(login.uri().getPath()).isEqualTo("/login");
        assertThat(login.body()).contains("href=\"/auth/forgot\"");
        return browser;
    }

    private static HttpResponse<String> askForCode(Browser browser, String account) {
        assertThat(browser.get("/auth/forgot").statusCode()).isEqualTo(200);
        return browser.submit("/auth/forgot", Map.of("account", account));
    }

    private static Map<String, String> resetForm(String account, String code, String password) {
        return Map.of("account", account, "code", code, "password", password, "confirmation", password);
    }

    private String codeMailedTo(String email) {
        MimeMessage mail = await().atMost(Duration.ofSeconds(10)).until(() -> Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> sentTo(m, email) && subject(m).startsWith("Reset your")).reduce((a, b) -> b).orElse(null),
                m -> m != null);
        try {
            Matcher m = CODE.matcher(mail.getContent().toString());
            assertThat(m.find()).as("the mail carries a code").isTrue();
            return m.group(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean sentTo(MimeMessage message, String email) {
        try {
            return Arrays.toString(message.getAllRecipients()).contains(email);
        } catch (Exception e) {
            return false;
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            return "";
        }
    }

    /** The page without what differs by design: the CSRF token and the echoed account name. */
    private static String comparable(HttpResponse<String> page, String account) {
        return CSRF.matcher(page.body()).replaceAll("").replace(account, "ACCOUNT");
    }

    private static String otherCode(String code) {
        return "%08d".formatted((Integer.parseInt(code) + 1) % 100_000_000);
    }

    /** A private address of its own per test: the per-address throttle must not mix tests. */
    private static String address() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }
}
