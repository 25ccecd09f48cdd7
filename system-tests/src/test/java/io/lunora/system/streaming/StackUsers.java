package io.lunora.system.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.system.stack.Launcher;
import io.lunora.testing.oidc.OidcFlow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The people of a test stack, signed in through the gateway as the web apps do (authorization
 * code with PKCE): the bootstrap admin's first sign-in, an invited operator's, and later sign-ins
 * with a backup code as the second factor.
 */
public final class StackUsers {
    private final Launcher launcher;
    private final OidcFlow flow;

    public StackUsers(Launcher launcher) {
        this.launcher = launcher;
        String gateway = "http://localhost:" + launcher.port("LUNORA_GATEWAY_PORT");
        this.flow = new OidcFlow(gateway, gateway);
    }

    /** A signed-in user; later sign-ins spend its backup codes. */
    public static final class User {
        final String username;
        final String clientId;
        final String password;
        final Deque<String> backupCodes;
        public String token;

        User(String clientId, OidcFlow.Onboarded onboarded) {
            this.username = onboarded.username();
            this.clientId = clientId;
            this.password = onboarded.password();
            this.backupCodes = new ArrayDeque<>(onboarded.backupCodes());
            this.token = onboarded.tokens().accessToken();
        }
    }

    public User onboardAdmin(String chosenPassword) {
        return new User("lunora-admin", flow.firstSignIn(flow.browser(), "lunora-admin", "admin",
                Launcher.ADMIN_PASSWORD, chosenPassword));
    }

    /** Invites an operator as {@code admin} and completes the operator's first sign-in. */
    public User inviteOperator(GatewayApi api, User admin, String username, String chosenPassword) {
        GatewayApi.Answer invited = api.post(admin.token, "/api/users",
                "{\"username\":\"" + username + "\",\"email\":\"" + username + "@example.com\",\"group\":\"operators\"}");
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        return new User("lunora-operator", flow.firstSignIn(flow.browser(), "lunora-operator", username,
                temporaryPasswordOf(username), chosenPassword));
    }

    /** A new sign-in of a known user (password, then a backup code); its token replaces the old one. */
    public void signInAgain(User user) {
        var browser = flow.browser();
        OidcFlow.Authorization a = OidcFlow.newAuthorization(user.clientId,
                "http://localhost:" + launcher.port("LUNORA_GATEWAY_PORT"));
        HttpResponse<String> challenge = flow.signIn(browser, a, user.username, user.password);
        assertThat(challenge.uri().getPath()).isEqualTo("/auth/mfa");
        user.token = flow.exchange(a, browser.follow(browser.submit("/auth/mfa",
                Map.of("code", user.backupCodes.pop())))).accessToken();
    }

    /**
     * The temporary password of {@code username}'s own invitation mail in auth-service's local
     * mailbox (newest first), waited for: mails are delivered asynchronously, and with several
     * invitations the newest may still be the previous user's.
     */
    public String temporaryPasswordOf(String username) {
        Pattern mine = Pattern.compile("User name:\\s+" + Pattern.quote(username) + "\\s+Temporary password: (\\S+)");
        return await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).until(() -> {
            Matcher m = mine.matcher(mailbox());
            return m.find() ? m.group(1) : null;
        }, java.util.Objects::nonNull);
    }

    /** Every mail of auth-service's local mail server, newest first ({@code /internal/dev/mail}). */
    public String mailbox() {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + launcher.port("LUNORA_AUTH_PORT") + "/internal/dev/mail")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
