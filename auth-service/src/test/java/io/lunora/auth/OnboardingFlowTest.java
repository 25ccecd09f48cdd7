package io.lunora.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.lunora.testing.oidc.Browser;
import io.lunora.testing.oidc.OidcFlow.Authorization;
import io.lunora.testing.oidc.OidcFlow.Onboarded;
import io.lunora.testing.oidc.OidcFlow.Tokens;
import io.lunora.testing.oidc.Totp;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * The internal onboarding of the specification through real HTTP: invitation mail, temporary
 * password, permanent password, TOTP enrolment, then every later sign-in with a second factor.
 */
@ExtendWith(OutputCaptureExtension.class)
class OnboardingFlowTest extends AuthServerTestBase {

    @Test
    void shouldOnboardAnInvitedOperatorAndIssueCognitoShapedTokens(CapturedOutput output) throws Exception {
        String temporary = invite(admin().tokens().accessToken(), "olivia", "olivia@example.com", "operators");
        Browser browser = browser();
        Authorization a = newAuthorization("lunora-operator", "stream");

        HttpResponse<String> passwordPage = signIn(browser, a, "olivia", temporary);
        assertThat(passwordPage.uri().getPath()).isEqualTo("/auth/password");
        HttpResponse<String> weak = browser.submit("/auth/password",
                Map.of("password", "Short1!", "confirmation", "Short1!"));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("at least 12 characters");
        HttpResponse<String> noSpecial = browser.submit("/auth/password",
                Map.of("password", "Abcdefghijk12", "confirmation", "Abcdefghijk12"));
        assertThat(noSpecial.body()).contains("a special character");
        HttpResponse<String> enrolPage = browser.follow(browser.submit("/auth/password",
                Map.of("password", STRONG_PASSWORD, "confirmation", STRONG_PASSWORD)));
        assertThat(enrolPage.uri().getPath()).isEqualTo("/auth/mfa/setup");
        String secret = enrolPage.body().replaceAll("(?s).*id=\"totp-secret\">([A-Z2-7]+)<.*", "$1");
        assertThat(enrolPage.body()).contains("otpauth://totp/Lunora%20Live:olivia?secret=" + secret);
        // the phone's way: the QR code, read by a decoder this project did not write, carries the same link
        String scanned = io.lunora.auth.mfa.QrScanner.scan(enrolPage.body());
        assertThat(scanned).startsWith("otpauth://totp/Lunora%20Live:olivia?secret=" + secret + "&")
                .isEqualTo(org.springframework.web.util.HtmlUtils.htmlUnescape(enrolPage.body()
                        .replaceAll("(?s).*id=\"otpauth-uri\" href=\"([^\"]+)\".*", "$1")));

        HttpResponse<String> wrong = browser.submit("/auth/mfa/setup", Map.of("code", "000000".equals(
                Totp.code(secret, Totp.currentStep())) ? "111111" : "000000"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        HttpResponse<String> codes = browser.submit("/auth/mfa/setup",
                Map.of("code", Totp.code(secret, Totp.currentStep())));
        assertThat(codes.body()).contains("backup-codes", "id=\"copy-backup-codes\"", "id=\"download-backup-codes\"",
                "src=\"/auth/assets/backup-codes.js\"");
        Tokens tokens = exchange(a, browser.follow(browser.submit("/auth/continue", Map.of())));

        JsonNode access = claims(tokens.accessToken());
        String userId = users.findByUsername(io.lunora.model.identity.Pool.INTERNAL, "olivia").orElseThrow().id();
        assertThat(access.path("iss").asString()).isEqualTo("http://localhost:8080");
        assertThat(access.path("sub").asString()).isEqualTo(userId);
        assertThat(access.path("token_use").asString()).isEqualTo("access");
        assertThat(access.path("client_id").asString()).isEqualTo("lunora-operator");
        assertThat(access.path("username").asString()).isEqualTo("olivia");
        assertThat(access.path("cognito:groups").toString()).isEqualTo("[\"operators\"]");
        assertThat(access.path("custom:organization").asString()).isEqualTo("default");
        assertThat(access.path("scope").asString()).isEqualTo("email openid profile");
        assertThat(access.path("exp").asLong() - access.path("iat").asLong()).isEqualTo(15 * 60);
        JsonNode id = claims(tokens.idToken());
        assertThat(id.path("token_use").asString()).isEqualTo("id");
        assertThat(id.path("cognito:groups").toString()).isEqualTo("[\"operators\"]");
        assertThat(id.path("email").asString()).isEqualTo("olivia@example.com");

        RSAKey key = JWKSet.load(URI.create(base() + "/oauth2/jwks").toURL()).getKeys().get(0).toRSAKey();
        assertThat(SignedJWT.parse(tokens.accessToken()).verify(new RSASSAVerifier(key))).isTrue();
        assertThat(output.getAll()).doesNotContain(temporary).doesNotContain(STRONG_PASSWORD).doesNotContain(secret);
    }

    @Test
    void shouldShowTheInvitationInTheDevMailViewToLocalCallersOnly() {
        String temporary = invite(admin().tokens().accessToken(), "dora", "dora@example.com", "operators");
        HttpResponse<String> local = send(java.net.http.HttpRequest.newBuilder(URI.create(base() + "/internal/dev/mail"))
                .build());
        assertThat(local.statusCode()).isEqualTo(200);
        assertThat(local.body()).contains("To:      dora@example.com").contains("Temporary password: " + temporary);
        HttpResponse<String> forwarded = send(java.net.http.HttpRequest.newBuilder(
                URI.create(base() + "/internal/dev/mail")).header("X-Forwarded-For", "203.0.113.5").build());
        assertThat(forwarded.statusCode()).as("a request relayed for a remote client").isEqualTo(404);
        assertThat(forwarded.body()).doesNotContain(temporary);
        // a caller on another machine claiming to be this one: the socket's peer decides, not a header
        String lanAddress = NetworkAddresses.nonLoopbackIpv4()
                .orElseThrow(() -> new IllegalStateException("the test needs a non-loopback interface"));
        for (String[] claim : new String[][] {{"X-Forwarded-For", "127.0.0.1"}, {"Forwarded", "for=127.0.0.1"},
                {"X-Real-IP", "127.0.0.1"}}) {
            HttpResponse<String> spoofed = send(java.net.http.HttpRequest.newBuilder(
                    URI.create("http://" + lanAddress + ":" + port + "/internal/dev/mail")).header(claim[0], claim[1])
                    .build());
            assertThat(spoofed.statusCode()).as("%s: %s from %s", claim[0], claim[1], lanAddress).isEqualTo(404);
            assertThat(spoofed.body()).doesNotContain(temporary);
        }
    }

    @Test
    void shouldRequireAFreshTotpCodeOrAnUnusedBackupCodeAtEverySignIn() {
        String temporary = invite(admin().tokens().accessToken(), "mallory", "mallory@example.com", "operators");
        Onboarded user = firstSignIn(browser(), "lunora-operator", "mallory", temporary, STRONG_PASSWORD);

        Browser browser = browser();
        Authorization a = newAuthorization("lunora-operator", "stream");
        HttpResponse<String> challenge = signIn(browser, a, "mallory", STRONG_PASSWORD);
        assertThat(challenge.uri().getPath()).as("no token without the second factor").isEqualTo("/auth/mfa");
        String valid = Totp.code(user.totpSecret(), Totp.currentStep());
        String wrong = valid.equals("123456") ? "654321" : "123456";
        assertThat(browser.submit("/auth/mfa", Map.of("code", wrong)).statusCode()).isEqualTo(401);
        // the enrolment used the current step: its code is spent; the next step's code is in the window
        String reused = Totp.code(user.totpSecret(), Totp.currentStep());
        HttpResponse<String> replay = browser.submit("/auth/mfa", Map.of("code", reused));
        String next = Totp.code(user.totpSecret(), Totp.currentStep() + 1);
        Tokens tokens = exchange(a, browser.follow(browser.submit("/auth/mfa", Map.of("code", next))));
        assertThat(claims(tokens.accessToken()).path("username").asString()).isEqualTo("mallory");

        Browser again = browser();
        Authorization b = newAuthorization("lunora-operator", "stream");
        signIn(again, b, "mallory", STRONG_PASSWORD);
        HttpResponse<String> sameCodeTwice = again.submit("/auth/mfa", Map.of("code", next));
        assertThat(sameCodeTwice.statusCode()).as("a code is accepted once").isEqualTo(401);
        assertThat(replay.statusCode()).as("the enrolment's code cannot be replayed").isEqualTo(401);
        Tokens withBackup = exchange(b, again.follow(again.submit("/auth/mfa", Map.of("code", user.backupCodes().get(0)))));
        assertThat(claims(withBackup.accessToken()).path("token_use").asString()).isEqualTo("access");

        Browser third = browser();
        signIn(third, newAuthorization("lunora-operator", "stream"), "mallory", STRONG_PASSWORD);
        assertThat(third.submit("/auth/mfa", Map.of("code", user.backupCodes().get(0))).statusCode())
                .as("a backup code works once").isEqualTo(401);
    }
}
