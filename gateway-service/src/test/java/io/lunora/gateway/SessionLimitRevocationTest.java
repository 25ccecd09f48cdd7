package io.lunora.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.model.identity.Group;
import io.lunora.model.identity.LunoraClaims;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An access token of a sign-in session that auth-service's concurrent-session limit ended (its
 * {@code sid} in token-validity's {@code revoked_session_ids}) is refused within seconds, while the
 * same user's tokens of the sessions that remain pass; real signed tokens, auth-service's ledger a
 * stand-in ({@link RevocationLedgerStandIn}).
 */
class SessionLimitRevocationTest extends GatewayTestBase {
    private static final String ROUTE = "/api/streaming/status";
    /** The gateway reuses an answer for lunora.gateway.token-revocation.cache-ttl (2 s). */
    private static final Duration WITHIN = Duration.ofSeconds(6);

    @Test
    void shouldRefuseTheEndedSessionsTokensAndPassTheOtherSessionsOfTheSameUser() {
        String user = "user-" + UUID.randomUUID();
        String ended = UUID.randomUUID().toString();
        String kept = UUID.randomUUID().toString();
        Instant issued = Instant.now();
        String endedToken = tokenOf(user, ended, issued);
        String keptToken = tokenOf(user, kept, issued);
        assertThat(gateway.send("GET", ROUTE, endedToken).statusCode()).isEqualTo(200);
        assertThat(gateway.send("GET", ROUTE, keptToken).statusCode()).isEqualTo(200);

        REVOCATIONS.endSession(user, ended);

        await().atMost(WITHIN).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            SERVICES.get("STREAMING").clear();
            HttpResponse<String> refused = gateway.send("GET", ROUTE, endedToken);
            assertProblem(refused, 401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
            assertThat(SERVICES.get("STREAMING").received()).isEmpty();
        });
        assertThat(gateway.send("GET", ROUTE, keptToken).statusCode()).as("the user's other session").isEqualTo(200);
        assertThat(gateway.send("GET", ROUTE, tokenOf(user, kept, Instant.now())).statusCode())
                .as("a renewal of the other session").isEqualTo(200);
        assertThat(gateway.send("GET", ROUTE, tokenOf(user, null, issued)).statusCode())
                .as("a token without a session (Cognito's) is judged by the other rules").isEqualTo(200);
    }

    private static String tokenOf(String subject, String sessionId, Instant issuedAt) {
        return ISSUER.token(c -> {
            c.subject(subject)
                    .issueTime(Date.from(issuedAt))
                    .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(10))))
                    .claim(LunoraClaims.USERNAME, subject)
                    .claim(LunoraClaims.CLIENT_ID, "lunora-operator")
                    .claim(LunoraClaims.ORGANIZATION, "org-1")
                    .claim(LunoraClaims.GROUPS, List.of(Group.OPERATORS.claimValue()));
            if (sessionId != null) {
                c.claim(LunoraClaims.SESSION_ID, sessionId);
            }
        });
    }
}
