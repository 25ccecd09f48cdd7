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
 * A revoked user token (user disabled or deleted, or issued before the user's password change) is
 * refused at the gateway within seconds, with real signed tokens that are otherwise valid for ten
 * more minutes; auth-service's ledger is a stand-in ({@link RevocationLedgerStandIn}).
 */
class TokenRevocationTest extends GatewayTestBase {
    private static final String ROUTE = "/api/streaming/status";
    /** The gateway reuses an answer for lunora.gateway.token-revocation.cache-ttl (2 s). */
    private static final Duration WITHIN = Duration.ofSeconds(6);

    @Test
    void shouldRefuseTokensIssuedBeforeThePasswordChangeAndAcceptNewerOnes() {
        String user = freshUser();
        Instant issued = Instant.now().minusSeconds(30);
        String old = tokenOf(user, issued);
        assertThat(gateway.send("GET", ROUTE, old).statusCode()).isEqualTo(200);

        REVOCATIONS.revokeBefore(user, issued.plusSeconds(10));

        awaitRefused(old);
        assertThat(gateway.send("GET", ROUTE, tokenOf(user, issued.plusSeconds(10))).statusCode())
                .as("a token of the revocation's second or later is the new sign-in's").isEqualTo(200);
        assertThat(gateway.send("GET", ROUTE, tokenOf(freshUser(), issued)).statusCode())
                .as("other users are not affected").isEqualTo(200);
    }

    @Test
    void shouldRefuseEveryTokenOfADisabledUser() {
        String user = freshUser();
        String token = tokenOf(user, Instant.now());
        assertThat(gateway.send("GET", ROUTE, token).statusCode()).isEqualTo(200);

        REVOCATIONS.disable(user);

        awaitRefused(token);
        awaitRefused(tokenOf(user, Instant.now()));
    }

    @Test
    void shouldRefuseTokensOfADeletedUser() {
        String user = freshUser();
        String token = tokenOf(user, Instant.now());
        assertThat(gateway.send("GET", ROUTE, token).statusCode()).isEqualTo(200);

        REVOCATIONS.delete(user);

        awaitRefused(token);
    }

    @Test
    void shouldLetTokensPassOnTheirExpiryWhileTheLedgerFails() {
        REVOCATIONS.failing(true);
        try {
            String user = freshUser();
            int before = REVOCATIONS.lookups();
            assertThat(gateway.send("GET", ROUTE, tokenOf(user, Instant.now())).statusCode()).isEqualTo(200);
            assertThat(REVOCATIONS.lookups()).as("the ledger was asked").isGreaterThan(before);
        } finally {
            REVOCATIONS.failing(false);
        }
    }

    private void awaitRefused(String token) {
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            SERVICES.get("STREAMING").clear();
            HttpResponse<String> refused = gateway.send("GET", ROUTE, token);
            assertProblem(refused, 401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
            assertThat(SERVICES.get("STREAMING").received()).isEmpty();
        });
    }

    private static String freshUser() {
        return "user-" + UUID.randomUUID();
    }

    private static String tokenOf(String subject, Instant issuedAt) {
        return ISSUER.token(c -> c.subject(subject)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(10))))
                .claim(LunoraClaims.USERNAME, subject)
                .claim(LunoraClaims.CLIENT_ID, "lunora-operator")
                .claim(LunoraClaims.ORGANIZATION, "org-1")
                .claim(LunoraClaims.GROUPS, List.of(Group.OPERATORS.claimValue())));
    }
}
