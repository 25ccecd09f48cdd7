package io.lunora.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.lunora.auth.users.UserStore;
import io.lunora.testing.DynamoDbLocal;
import io.lunora.testing.FreePorts;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One auth-service on a random port against DynamoDB Local, with its embedded SMTP server on a
 * free port; helpers that act as a web app (PKCE authorization), a browser (the sign-in pages),
 * an authenticator app (TOTP) and an invitee reading mail. All test classes share this context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "lunora.dynamodb.environment=authtest", "lunora.auth.admin-password=" + AuthServerTestBase.ADMIN_PASSWORD,
        "lunora.auth.services-client-secret=" + AuthServerTestBase.SERVICES_SECRET,
        "lunora.auth.max-failed-sign-ins=5"})
abstract class AuthServerTestBase {
    static final String ADMIN_PASSWORD = "Initial-Admin-Pass-1";
    static final String SERVICES_SECRET = "services-secret-for-tests-0123456789";
    static final String STRONG_PASSWORD = "Correct-Horse-Battery-9";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Path DATA_DIR = tempDir();
    static final int SMTP_PORT = FreePorts.next();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern TEMPORARY_PASSWORD = Pattern.compile("Temporary password: (\\S+)");
    private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<");
    private static final Pattern BACKUP = Pattern.compile("<li><code>([a-z0-9-]+)</code></li>");
    private static Onboarded admin;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("lunora.dynamodb.endpoint", () -> DynamoDbLocal.shared().endpoint());
        registry.add("lunora.data-dir", DATA_DIR::toString);
        registry.add("lunora.mail.smtp-port", () -> SMTP_PORT);
    }

    @LocalServerPort
    int port;

    @Autowired
    GreenMail greenMail;

    @Autowired
    UserStore users;

    String base() {
        return "http://127.0.0.1:" + port;
    }

    Browser browser() {
        return new Browser(base());
    }

    /** The bootstrap admin after its first sign-in (new password, TOTP), done once per test JVM. */
    synchronized Onboarded admin() {
        if (admin == null) {
            admin = firstSignIn(browser(), "lunora-admin", "admin", ADMIN_PASSWORD, "Admin-Chosen-Pass-42");
        }
        return admin;
    }

    // --- the web app's side: authorization code with PKCE ---

    record Authorization(String clientId, String redirectUri, String state, String verifier) {
    }

    static Authorization newAuthorization(String clientId, String app) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        return new Authorization(clientId, "http://localhost:8080/" + app + "/callback",
                Long.toHexString(new SecureRandom().nextLong()), verifier);
    }

    /** Opens the authorization endpoint in the browser; returns what the browser ends on. */
    HttpResponse<String> authorize(Browser browser, Authorization a) {
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
        return browser.follow(browser.get("/oauth2/authorize?" + Browser.form(query)));
    }

    /** The query parameters of the redirect to the web app's callback. */
    static Map<String, String> callback(HttpResponse<String> response, Authorization a) {
        assertThat(response.statusCode()).as("redirect to the app").isEqualTo(302);
        String location = Browser.location(response);
        assertThat(location).startsWith(a.redirectUri());
        return Arrays.stream(URI.create(location).getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }

    Tokens exchange(Authorization a, HttpResponse<String> toCallback) {
        Map<String, String> params = callback(toCallback, a);
        assertThat(params).containsEntry("state", a.state()).containsKey("code");
        HttpResponse<String> response = post("/oauth2/token", Map.of("grant_type", "authorization_code",
                "code", params.get("code"), "redirect_uri", a.redirectUri(), "client_id", a.clientId(),
                "code_verifier", a.verifier()), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        return new Tokens(body.path("access_token").asString(), body.path("id_token").asString(), body);
    }

    record Tokens(String accessToken, String idToken, JsonNode response) {
    }

    // --- the user's side ---

    record Onboarded(String username, String password, String totpSecret, List<String> backupCodes, Tokens tokens) {
    }

    /** Signs in with a temporary password, sets {@code newPassword}, enrols TOTP and gets tokens. */
    Onboarded firstSignIn(Browser browser, String clientId, String username, String temporary, String newPassword) {
        Authorization a = newAuthorization(clientId, appOf(clientId));
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
                Map.of("code", TestTotp.code(secret.group(1), TestTotp.currentStep())));
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
    HttpResponse<String> signIn(Browser browser, Authorization a, String username, String password) {
        HttpResponse<String> page = authorize(browser, a);
        assertThat(page.uri().getPath()).isEqualTo("/login");
        return browser.follow(browser.submit("/login", Map.of("username", username, "password", password)));
    }

    /** Invites through the API and returns the temporary password read from the delivered mail. */
    String invite(String adminToken, String username, String email, String group) {
        HttpResponse<String> created = api("POST", "/api/users", adminToken,
                "{\"username\":\"" + username + "\",\"email\":\"" + email + "\",\"group\":\"" + group + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return temporaryPasswordMailedTo(email);
    }

    String temporaryPasswordMailedTo(String email) {
        MimeMessage mail = await().atMost(Duration.ofSeconds(10)).until(() -> Arrays.stream(greenMail.getReceivedMessages())
                .filter(msg -> recipients(msg).contains(email)).reduce((first, second) -> second).orElse(null),
                msg -> msg != null);
        try {
            Matcher m = TEMPORARY_PASSWORD.matcher(mail.getContent().toString());
            assertThat(m.find()).as("the mail carries a temporary password").isTrue();
            return m.group(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipients(MimeMessage message) {
        try {
            return Arrays.toString(message.getAllRecipients());
        } catch (Exception e) {
            return "";
        }
    }

    static String appOf(String clientId) {
        return switch (clientId) {
            case "lunora-operator" -> "stream";
            case "lunora-admin" -> "admin";
            case "lunora-watch" -> "watch";
            case "lunora-player" -> "player";
            default -> "viewer-admin";
        };
    }

    // --- plain HTTP ---

    HttpResponse<String> api(String method, String path, String token, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return send(b.build());
    }

    HttpResponse<String> post(String path, Map<String, String> form, String basicAuth) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Browser.form(form)));
        if (basicAuth != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basicAuth.getBytes(StandardCharsets.UTF_8)));
        }
        return send(b.build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a JWT (its signature is checked separately against the JWKS). */
    static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("auth-service-data");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
