package io.lunora.system.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.system.stack.Launcher;
import io.lunora.system.streaming.GatewayApi;
import io.lunora.system.streaming.RunningStack;
import io.lunora.system.streaming.StackUsers;
import io.lunora.testing.oidc.OidcFlow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway refuses a user's access token within seconds of an admin disabling the user, or
 * resetting their password, though the token is valid for many more minutes: the real gateway,
 * auth-service and tokens of a running stack, every request through the gateway.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenRevocationEndToEndTest {
    private static final String SERVICES = "dynamodb auth-service gateway-service";
    /** The gateway's cache time is 2 s; the rest is slack for a loaded machine. */
    private static final Duration WITHIN = Duration.ofSeconds(10);

    @TempDir
    static Path home;

    RunningStack stack;
    GatewayApi api;
    StackUsers.User admin;

    @BeforeAll
    void startTheStack() {
        stack = RunningStack.up(new Launcher(home), SERVICES);
        api = stack.api();
        admin = stack.users().onboardAdmin("Admin-Chosen-Pass-42");
    }

    @AfterAll
    void stopEverything() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldRefuseTheTokenOfADisabledOperatorWithinSeconds() {
        String olga = inviteOperator("olga");
        assertThat(api.get(olga, "/api/users/me").status()).isEqualTo(200);
        String id = api.get(olga, "/api/users/me").json().path("id").asString();

        assertThat(api.post(admin.token, "/api/users/" + id + "/disable", null).status()).isEqualTo(200);

        await().atMost(WITHIN).pollInterval(Duration.ofMillis(250))
                .until(() -> api.get(olga, "/api/users/me").status() == 401);
        assertThat(api.get(admin.token, "/api/users/me").status()).as("the admin is not affected").isEqualTo(200);
    }

    @Test
    void shouldRefuseTheTokenIssuedBeforeAnAdminsPasswordReset() {
        String oscar = inviteOperator("oscar");
        String id = api.get(oscar, "/api/users/me").json().path("id").asString();

        GatewayApi.Answer reset = api.post(admin.token, "/api/users/" + id + "/reset", "{\"password\":true}");
        assertThat(reset.status()).as(reset.body()).isEqualTo(200);

        await().atMost(WITHIN).pollInterval(Duration.ofMillis(250))
                .until(() -> api.get(oscar, "/api/users/me").status() == 401);
    }

    /** Invites an operator, signs them in through the gateway and returns their access token. */
    private String inviteOperator(String username) {
        GatewayApi.Answer invited = api.post(admin.token, "/api/users",
                "{\"username\":\"" + username + "\",\"email\":\"" + username + "@example.com\",\"group\":\"operators\"}");
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        OidcFlow flow = new OidcFlow(stack.gateway(), stack.gateway());
        return flow.firstSignIn(flow.browser(), "lunora-operator", username, newestTemporaryPassword(),
                "Chosen-Pass-42-" + username).tokens().accessToken();
    }

    /** The temporary password of the newest mail of auth-service's local mailbox (newest first). */
    private String newestTemporaryPassword() {
        try (HttpClient http = HttpClient.newHttpClient()) {
            String mail = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + stack.launcher().port("LUNORA_AUTH_PORT") + "/internal/dev/mail")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher temporary = Pattern.compile("Temporary password: (\\S+)").matcher(mail);
            assertThat(temporary.find()).as("an invitation mail in:%n%s", mail).isTrue();
            return temporary.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
