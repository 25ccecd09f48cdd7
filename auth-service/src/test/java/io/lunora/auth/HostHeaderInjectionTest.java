package io.lunora.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.testing.oidc.Browser;
import io.lunora.testing.oidc.OidcFlow.Authorization;
import io.lunora.testing.oidc.OidcFlow.Onboarded;
import io.lunora.testing.oidc.Totp;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 row 12: a forged Host or X-Forwarded-Host (the gateway preserves the client's Host and
 * the issuer trusts it as a proxy) never reaches a redirect, a link or the issuer: redirects are
 * relative, absolute URLs come from the configured issuer only.
 */
class HostHeaderInjectionTest extends AuthServerTestBase {
    private static final String EVIL = "evil.example";

    @Test
    void shouldNotSendTheBrowserToAForgedHostWhenItMustSignIn() throws IOException {
        String authorize = "/oauth2/authorize?response_type=code&client_id=lunora-operator&scope=openid"
                + "&redirect_uri=" + encode("http://localhost:8080/stream/callback")
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256&state=s";
        HttpResponse<String> forwarded = send(HttpRequest.newBuilder(URI.create(base() + authorize))
                .header("X-Forwarded-Host", EVIL).header("X-Forwarded-Proto", "https").GET().build());
        assertThat(forwarded.statusCode()).isEqualTo(302);
        assertThat(forwarded.headers().firstValue("Location")).hasValue("/login");

        String rawAnswer = rawGet(authorize, EVIL);
        assertThat(rawAnswer).startsWith("HTTP/1.1 302").contains("\nLocation: /login\r").doesNotContain(EVIL);
    }

    @Test
    void shouldReturnToTheAuthorizationRequestOnTheHostTheBrowserUsed() {
        String temporary = invite(admin().tokens().accessToken(), "hosted", "hosted@example.com", "operators");
        Onboarded user = firstSignIn(browser(), "lunora-operator", "hosted", temporary, STRONG_PASSWORD);

        Browser forged = browser().header("X-Forwarded-Host", EVIL);
        Authorization a = newAuthorization("lunora-operator", "stream");
        HttpResponse<String> challenge = signIn(forged, a, "hosted", STRONG_PASSWORD);
        assertThat(challenge.uri().getPath()).isEqualTo("/auth/mfa");
        HttpResponse<String> signedIn = forged.submit("/auth/mfa",
                Map.of("code", Totp.code(user.totpSecret(), Totp.currentStep() + 1)));

        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(Browser.location(signedIn)).startsWith("/oauth2/authorize?").doesNotContain(EVIL);
        assertThat(exchange(a, forged.follow(signedIn)).accessToken()).isNotBlank();
    }

    @Test
    void shouldBuildMailLinksAndTheIssuerFromTheConfiguredPublicUrl() throws Exception {
        HttpResponse<String> invited = send(HttpRequest.newBuilder(URI.create(base() + "/api/users"))
                .header("Authorization", "Bearer " + admin().tokens().accessToken())
                .header("Content-Type", "application/json").header("X-Forwarded-Host", EVIL)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"linked\",\"email\":\"linked@example.com\",\"group\":\"operators\"}"))
                .build());
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        MimeMessage mail = await().atMost(Duration.ofSeconds(10)).until(() -> Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> Arrays.toString(uncheckedRecipients(m)).contains("linked@example.com")).findFirst()
                .orElse(null), m -> m != null);
        assertThat(mail.getContent().toString()).contains("http://localhost:8080/").doesNotContain(EVIL);

        HttpResponse<String> discovery = send(HttpRequest.newBuilder(
                URI.create(base() + "/.well-known/openid-configuration")).header("X-Forwarded-Host", EVIL).GET().build());
        assertThat(discovery.body()).contains("\"issuer\":\"http://localhost:8080\"").doesNotContain(EVIL);
    }

    private static Object[] uncheckedRecipients(MimeMessage message) {
        try {
            return message.getAllRecipients();
        } catch (Exception e) {
            return new Object[0];
        }
    }

    /** A request with a forged Host header, which Java's HTTP client refuses to send. */
    private String rawGet(String path, String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
