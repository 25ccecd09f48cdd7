package io.lunora.testing.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a web app and its user do to sign in at the local issuer: authorization code with PKCE
 * through the real sign-in pages (password, first-time password change, TOTP enrolment or code),
 * then the token exchange. {@code base} is where the browser talks to: the issuer itself or the
 * gateway in front of it.
 */
public final class OidcFlow {
    private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<");
    private static final Pattern BACKUP = Pattern.compile("<li><code>([a-z0-9-]+)</code></li>");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID_TOKEN = Pattern.compile("\"id_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base;
    private final String issuer;

    /** A flow against an issuer whose public URL is the local default, {@code http://localhost:8080}. */
    public OidcFlow(String base) {
        this(base, "http://localhost:8080");
    }

    /** @param issuer the issuer's public URL, which the web apps' callback URLs start with */
    public OidcFlow(String base, String issuer) {
        this.base = base;
        this.issuer = issuer;
    }

    public Browser browser() {
        return new Browser(base);
    }

    /** One authorization request of a web app: its client, callback, state and PKCE verifier. */
    public record Authorization(String clientId, String redirectUri, String state, String verifier) {
    }

    /** The token endpoint's answer. */
    public record Tokens(String accessToken, String idToken, String body) {
    }

    /** A user after the first sign-in: the chosen password, the enrolled TOTP secret, the backup codes. */
    public record Onboarded(String username, String password, String totpSecret, List<String> backupCodes, Tokens tokens) {
    }

    public static Authorization newAuthorization(String clientId) {
        return newAuthorization(clientId, "http://localhost:8080");
    }

    /** A new authorization request of {@code clientId}'s web app, served under {@code publicUrl}. */
    public static Authorization newAuthorization(String clientId, String publicUrl) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        return new Authorization(clientId, publicUrl + "/" + appOf(clientId) + "/callback",
                Long.toHexString(new SecureRandom().nextLong()), verifier);
    }

    /** Opens the authorization endpoint in the browser; returns what the browser ends on. */
    public HttpResponse<String> authorize(Browser browser, Authorization a) {
        String challenge;
        try {
            challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(a.verifier().getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", a.clientId());
        query.put("redirect_uri", a.redirectUri());
        query.put("scope", "openid profile email");
        query.put("state", a.state());
        query.put("code_challenge", challenge);
        query.put("code_challenge_method", "S256");
        browser.stopAt(a.redirectUri());
        return browser.follow(browser.get("/oauth2/authorize?" + Browser.form(query)));
    }

    /** The query parameters of the redirect to the web app's callback. */
    public static Map<String, String> callback(HttpResponse<String> response, Authorization a) {
        assertThat(response.statusCode()).as("redirect to the app").isEqualTo(302);
        String location = Browser.location(response);
        assertThat(location).startsWith(a.redirectUri());
        return Arrays.stream(URI.create(location).getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }

    /** The web app's side after the redirect: the code and the PKCE verifier for tokens. */
    public Tokens exchange(Authorization a, HttpResponse<String> toCallback) {
        Map<String, String> params = callback(toCallback, a);
        assertThat(params).containsEntry("state", a.state()).containsKey("code");
        HttpResponse<String> response = postForm("/oauth2/token", Map.of("grant_type", "authorization_code",
                "code", params.get("code"), "redirect_uri", a.redirectUri(), "client_id", a.clientId(),
                "code_verifier", a.verifier()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Matcher access = ACCESS_TOKEN.matcher(response.body());
        Matcher id = ID_TOKEN.matcher(response.body());
        assertThat(access.find()).as("an access token").isTrue();
        return new Tokens(access.group(1), id.find() ? id.group(1) : null, response.body());
    }

    /** Signs in with a temporary password, sets {@code newPassword}, enrols TOTP and gets tokens. */
    public Onboarded firstSignIn(Browser browser, String clientId, String username, String temporary, String newPassword) {
        Authorization a = newAuthorization(clientId, issuer);
        HttpResponse<String> page = authorize(browser, a);
        assertThat(page.uri().getPath()).isEqualTo("/login");
        HttpResponse<String> afterLogin = browser.follow(browser.submit("/login",
                Map.of("username", username, "password", temporary)));
        assertThat(afterLogin.uri().getPath()).isEqualTo("/auth/password");
        HttpResponse<String> afterPassword = browser.follow(browser.submit("/auth/password",
                Map.of("password", newPassword, "confirmation", newPassword)));
        assertThat(afterPassword.uri().getPath()).isEqualTo("/auth/mfa/setup");
        Matcher secret = SECRET.matcher(afterPassword.body());
        assertThat(secret.find()).isTrue();
        assertThat(afterPassword.body()).contains("otpauth://totp/").contains("secret=" + secret.group(1));
        HttpResponse<String> codes = browser.submit("/auth/mfa/setup",
                Map.of("code", Totp.code(secret.group(1), Totp.currentStep())));
        assertThat(codes.statusCode()).isEqualTo(200);
        List<String> backupCodes = new ArrayList<>();
        Matcher m = BACKUP.matcher(codes.body());
        while (m.find()) {
            backupCodes.add(m.group(1));
        }
        assertThat(backupCodes).hasSize(10);
        Tokens tokens = exchange(a, browser.follow(browser.submit("/auth/continue", Map.of())));
        return new Onboarded(username, newPassword, secret.group(1), backupCodes, tokens);
    }

    /** Password step of a later sign-in; returns the page the browser ends on. */
    public HttpResponse<String> signIn(Browser browser, Authorization a, String username, String password) {
        HttpResponse<String> page = authorize(browser, a);
        assertThat(page.uri().getPath()).isEqualTo("/login");
        return browser.follow(browser.submit("/login", Map.of("username", username, "password", password)));
    }

    public static String appOf(String clientId) {
        return switch (clientId) {
            case "lunora-operator" -> "stream";
            case "lunora-admin" -> "admin";
            case "lunora-watch" -> "watch";
            case "lunora-player" -> "player";
            default -> "viewer-admin";
        };
    }

    public HttpResponse<String> postForm(String path, Map<String, String> form) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(Browser.form(form))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
