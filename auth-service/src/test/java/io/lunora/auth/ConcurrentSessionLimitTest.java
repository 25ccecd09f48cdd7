package io.lunora.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.auth.sessions.UserSession;
import io.lunora.auth.sessions.UserSessionStore;
import io.lunora.model.identity.ServiceClient;
import io.lunora.testing.oidc.Browser;
import io.lunora.testing.oidc.OidcFlow.Authorization;
import io.lunora.testing.oidc.OidcFlow.Onboarded;
import io.lunora.testing.oidc.OidcFlow.Tokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The concurrent-session limit per role (operators 2, admins 5): a sign-in beyond it ends the
 * user's oldest session. Its browser's silent renewal at the issuer asks for the password again,
 * an authorization code it got just before is refused, and token-validity lists its {@code sid}
 * for the gateway; the newer sessions keep renewing. A session signed out of, or idle past its
 * timeout, does not count.
 */
class ConcurrentSessionLimitTest extends AuthServerTestBase {

    /** One browser signed in: its cookie at the issuer, the app's client and its latest tokens. */
    record Session(Browser browser, String clientId, String app, Tokens tokens) {
        String sid() {
            return claims(tokens.accessToken()).path("sid").asString();
        }
    }

    @Autowired
    UserSessionStore sessionStore;

    /** The session of the latest {@link #onboard}. */
    private Session current;

    @Test
    void shouldEndTheFirstOperatorSessionWhenTheThirdBegins() {
        Onboarded user = onboard("operators", "lunora-operator");
        String userId = claims(user.tokens().accessToken()).path("sub").asString();
        Session first = current;
        Session second = signInAgain(user, "lunora-operator", "stream", 0);
        assertThat(List.of(first.sid(), second.sid())).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(revokedSessionIds(userId)).as("two sessions are within the limit").isEmpty();
        Session firstRenewed = renewed(first);
        assertThat(firstRenewed.sid()).as("a renewal stays in its session").isEqualTo(first.sid());
        Authorization pending = newAuthorization("lunora-operator", "stream");
        HttpResponse<String> codeOfFirst = authorize(first.browser(), pending);

        Session third = signInAgain(user, "lunora-operator", "stream", 1);

        assertThat(revokedSessionIds(userId)).containsExactly(first.sid());
        HttpResponse<String> refusedExchange = exchangeAnswer(pending, codeOfFirst);
        assertThat(refusedExchange.statusCode()).as("a code the ended session got before: no tokens")
                .isEqualTo(400);
        assertThat(refusedExchange.body()).contains("invalid_grant");
        HttpResponse<String> renewal = authorize(first.browser(), newAuthorization("lunora-operator", "stream"));
        assertThat(renewal.uri().getPath()).as("the oldest browser is signed out").isEqualTo("/login");
        assertThat(renewed(second).sid()).isEqualTo(second.sid());
        assertThat(renewed(third).sid()).isEqualTo(third.sid());
        assertThat(revokedSessionIds(userId)).containsExactly(first.sid());
    }

    @Test
    void shouldLetAnAdminHoldFiveSessions() {
        Onboarded user = onboard("admins", "lunora-admin");
        String userId = claims(user.tokens().accessToken()).path("sub").asString();
        List<Session> sessions = new ArrayList<>(List.of(current));
        for (int i = 0; i < 4; i++) {
            sessions.add(signInAgain(user, "lunora-admin", "admin", i));
        }
        assertThat(revokedSessionIds(userId)).as("five sessions are within the limit").isEmpty();

        Session sixth = signInAgain(user, "lunora-admin", "admin", 4);

        assertThat(revokedSessionIds(userId)).containsExactly(sessions.getFirst().sid());
        assertThat(authorize(sessions.getFirst().browser(), newAuthorization("lunora-admin", "admin")).uri().getPath())
                .isEqualTo("/login");
        for (Session kept : sessions.subList(1, sessions.size())) {
            assertThat(renewed(kept).sid()).isEqualTo(kept.sid());
        }
        assertThat(renewed(sixth).sid()).isEqualTo(sixth.sid());
    }

    @Test
    void shouldNotCountASessionItsUserSignedOutOf() {
        Onboarded user = onboard("operators", "lunora-operator");
        String userId = claims(user.tokens().accessToken()).path("sub").asString();
        Session first = current;
        Session second = signInAgain(user, "lunora-operator", "stream", 0);

        signOut(second);

        assertThat(revokedSessionIds(userId)).as("a signed-out session's tokens are refused too")
                .containsExactly(second.sid());
        Session third = signInAgain(user, "lunora-operator", "stream", 1);
        assertThat(revokedSessionIds(userId)).as("the first and the third are the two live sessions")
                .containsExactly(second.sid());
        assertThat(renewed(first).sid()).isEqualTo(first.sid());
        assertThat(renewed(third).sid()).isEqualTo(third.sid());
    }

    @Test
    void shouldNotCountASessionPastItsIdleTimeout() {
        Onboarded user = onboard("operators", "lunora-operator");
        String userId = claims(user.tokens().accessToken()).path("sub").asString();
        Instant now = Instant.now();
        String idle = UUID.randomUUID().toString();
        sessionStore.create(new UserSession(userId, idle, now.minus(Duration.ofHours(3)),
                now.minus(Duration.ofHours(2)).minusSeconds(60), now.plus(Duration.ofHours(5)), Duration.ofHours(2), null));

        Session second = signInAgain(user, "lunora-operator", "stream", 0);

        assertThat(revokedSessionIds(userId)).as("the idle session is over already; two live ones are within the limit")
                .isEmpty();
        assertThat(renewed(current).sid()).isNotEqualTo(idle);
        assertThat(renewed(second).sid()).isEqualTo(second.sid());
    }

    /** A new user of {@code group} after the first sign-in, which is {@link #current}. */
    private Onboarded onboard(String group, String clientId) {
        String name = "cs" + UUID.randomUUID().toString().substring(0, 8);
        Browser browser = browser();
        Onboarded user = firstSignIn(browser, clientId, name,
                invite(admin().tokens().accessToken(), name, name + "@example.com", group), STRONG_PASSWORD);
        current = new Session(browser, clientId, io.lunora.testing.oidc.OidcFlow.appOf(clientId), user.tokens());
        return user;
    }

    /** A sign-in in a new browser, the second factor by backup code number {@code backup}. */
    private Session signInAgain(Onboarded user, String clientId, String app, int backup) {
        Browser browser = browser();
        Authorization a = newAuthorization(clientId, app);
        assertThat(signIn(browser, a, user.username(), user.password()).uri().getPath()).isEqualTo("/auth/mfa");
        Tokens tokens = exchange(a, browser.follow(browser.submit("/auth/mfa",
                Map.of("code", user.backupCodes().get(backup)))));
        return new Session(browser, clientId, app, tokens);
    }

    /** The web app's silent renewal: the issuer's session cookie alone gets new tokens. */
    private Session renewed(Session session) {
        Authorization a = newAuthorization(session.clientId(), session.app());
        return new Session(session.browser(), session.clientId(), session.app(),
                exchange(a, authorize(session.browser(), a)));
    }

    /** The web app's "Sign out": the issuer's end-session endpoint with the ID token, back to the app. */
    private void signOut(Session session) {
        String app = newAuthorization(session.clientId(), session.app()).redirectUri().replaceFirst("callback$", "");
        HttpResponse<String> back = session.browser().follow(session.browser().get("/connect/logout?" + Browser.form(
                Map.of("id_token_hint", session.tokens().idToken(), "client_id", session.clientId(),
                        "post_logout_redirect_uri", app))));
        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
        assertThat(Browser.location(back)).startsWith(app);
        assertThat(authorize(session.browser(), newAuthorization(session.clientId(), session.app())).uri().getPath())
                .isEqualTo("/login");
    }

    private HttpResponse<String> exchangeAnswer(Authorization a, HttpResponse<String> toCallback) {
        Map<String, String> params = callback(toCallback, a);
        return flow().postForm("/oauth2/token", Map.of("grant_type", "authorization_code",
                "code", params.get("code"), "redirect_uri", a.redirectUri(), "client_id", a.clientId(),
                "code_verifier", a.verifier()));
    }

    private List<String> revokedSessionIds(String userId) {
        HttpResponse<String> answer = api("GET", "/internal/users/" + userId + "/token-validity", serviceToken(), null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode validity = JSON.readTree(answer.body());
        assertThat(validity.path("active").asBoolean()).isTrue();
        List<String> ids = new ArrayList<>();
        validity.path("revoked_session_ids").forEach(id -> ids.add(id.asString()));
        assertThat(validity.path("revoked_session_ids").isArray()).as(answer.body()).isTrue();
        return ids;
    }

    private String serviceToken() {
        HttpResponse<String> issued = clientCredentials(ServiceClient.GATEWAY);
        return JSON.readTree(issued.body()).path("access_token").asString();
    }
}
