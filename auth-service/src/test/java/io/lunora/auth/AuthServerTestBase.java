package io.lunora.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.lunora.auth.users.UserStore;
import io.lunora.model.identity.ServiceClient;
import io.lunora.testing.DynamoDbLocal;
import io.lunora.testing.FreePorts;
import io.lunora.testing.oidc.Browser;
import io.lunora.testing.oidc.OidcFlow.Authorization;
import io.lunora.testing.oidc.OidcFlow.Onboarded;
import io.lunora.testing.oidc.OidcFlow.Tokens;
import io.lunora.testing.oidc.OidcFlow;
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
        // one secret per service client, as generated: a test can try one client's secret for another
        "lunora.auth.service-client-secrets.lunora-gateway=" + AuthServerTestBase.SERVICES_SECRET + "-gateway",
        "lunora.auth.service-client-secrets.lunora-streaming-control=" + AuthServerTestBase.SERVICES_SECRET
                + "-streaming-control",
        "lunora.auth.service-client-secrets.lunora-preset=" + AuthServerTestBase.SERVICES_SECRET + "-preset",
        "lunora.auth.service-client-secrets.lunora-viewer=" + AuthServerTestBase.SERVICES_SECRET + "-viewer",
        "lunora.auth.service-client-secrets.lunora-metrics=" + AuthServerTestBase.SERVICES_SECRET + "-metrics",
        // every interface, and every peer a trusted proxy: a test can call from a non-loopback address
        // with forwarded headers the way a LAN host behind a "trusted" private range could
        "server.address=0.0.0.0", "server.tomcat.remoteip.internal-proxies=.*",
        // sign-in delays long enough to observe on a loaded machine, short enough to wait out (SignInThrottleTest)
        "lunora.auth.sign-in-protection.base-delay=2s", "lunora.auth.sign-in-protection.max-delay=4s",
        "lunora.auth.sign-in-protection.pause-after=6"})
abstract class AuthServerTestBase {
    static final String ADMIN_PASSWORD = "Initial-Admin-Pass-1";
    static final String SERVICES_SECRET = "services-secret-for-tests-0123456789";
    static final String STRONG_PASSWORD = "Correct-Horse-Battery-9";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Path DATA_DIR = tempDir();
    static final int SMTP_PORT = FreePorts.next();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern TEMPORARY_PASSWORD = Pattern.compile("Temporary password: (\\S+)");
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

    // --- the web app's and the user's side: io.lunora.testing.oidc.OidcFlow ---

    OidcFlow flow() {
        return new OidcFlow(base());
    }

    static Authorization newAuthorization(String clientId, String app) {
        Authorization a = OidcFlow.newAuthorization(clientId);
        assertThat(a.redirectUri()).contains("/" + app + "/");
        return a;
    }

    HttpResponse<String> authorize(Browser browser, Authorization a) {
        return flow().authorize(browser, a);
    }

    static Map<String, String> callback(HttpResponse<String> response, Authorization a) {
        return OidcFlow.callback(response, a);
    }

    Tokens exchange(Authorization a, HttpResponse<String> toCallback) {
        return flow().exchange(a, toCallback);
    }

    Onboarded firstSignIn(Browser browser, String clientId, String username, String temporary, String newPassword) {
        return flow().firstSignIn(browser, clientId, username, temporary, newPassword);
    }

    HttpResponse<String> signIn(Browser browser, Authorization a, String username, String password) {
        return flow().signIn(browser, a, username, password);
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

    /** The secret this context gives a service client (one each, see the properties above). */
    static String secretOf(ServiceClient client) {
        return SERVICES_SECRET + "-" + client.secretFileName().replace("-client-secret", "");
    }

    /** A client-credentials token request of a service client for every scope it is allowed. */
    HttpResponse<String> clientCredentials(ServiceClient client) {
        return post("/oauth2/token", Map.of("grant_type", "client_credentials", "scope", client.scopeParameter("")),
                client.clientId() + ":" + secretOf(client));
    }

    /** The access token of {@link #clientCredentials(ServiceClient)}. */
    String serviceToken(ServiceClient client) {
        HttpResponse<String> issued = clientCredentials(client);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        return JSON.readTree(issued.body()).path("access_token").asString();
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
