package io.lunora.system.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import io.github.resilience4j.springboot3.bulkhead.autoconfigure.BulkheadAutoConfiguration;
import io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import io.github.resilience4j.springboot3.timelimiter.autoconfigure.TimeLimiterAutoConfiguration;
import io.lunora.gateway.GatewayApplication;
import io.lunora.gateway.revocation.TokenRevocations;
import io.lunora.model.identity.ServiceClient;
import io.lunora.system.stack.Launcher;
import io.lunora.system.stack.OwnConfiguration;
import io.lunora.system.streaming.RunningStack;
import io.lunora.system.streaming.StackUsers;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The contract between the gateway and auth-service for the revocation check
 * ({@code GET /internal/users/{id}/token-validity}), both real: auth-service of a running stack (its
 * scope check, its validation, its answer record) and the gateway's {@link TokenRevocations} in this
 * JVM with the gateway's own configuration, service token and breaker. The request the gateway builds
 * is accepted, and the gateway's parser reads each answer: a password change's not-before second, a
 * disabled user, the 404 of a user auth-service does not know. A lookup that fails lets every token
 * pass (the gateway's outage rule), so each case below fails if the answer was not read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenValidityContractTest {
    private static final String SERVICES = "dynamodb auth-service gateway-service";
    private static final Duration LOOKUP = Duration.ofSeconds(15);

    @TempDir
    static Path home;

    RunningStack stack;
    StackUsers.User admin;
    ConfigurableApplicationContext gateway;
    TokenRevocations revocations;

    /** The gateway's revocation check: its configuration, its service token and its breakers, without the routes. */
    @Configuration(proxyBeanMethods = false)
    @ComponentScan({ "io.lunora.gateway.revocation", "io.lunora.gateway.playback", "io.lunora.gateway.resilience" })
    @ImportAutoConfiguration({ CircuitBreakerAutoConfiguration.class, TimeLimiterAutoConfiguration.class,
            BulkheadAutoConfiguration.class, ReactiveResilience4JAutoConfiguration.class })
    static class GatewayRevocationCheck {
    }

    @BeforeAll
    void startAuthServiceAndTheGatewaysCheck() {
        stack = RunningStack.up(new Launcher(home), SERVICES);
        admin = stack.users().onboardAdmin("Contract-Admin-Chosen-42");

        String auth = "http://127.0.0.1:" + stack.launcher().port("LUNORA_AUTH_PORT");
        // lazily: only the check's beans are built, not the playback filter's route dependencies
        gateway = new SpringApplicationBuilder(GatewayRevocationCheck.class).web(WebApplicationType.NONE)
                .lazyInitialization(true).run(
                        "--spring.config.location=" + OwnConfiguration.of(GatewayApplication.class),
                        "--lunora.gateway.token-revocation.url=" + auth,
                        "--lunora.gateway.playback.token-uri=" + auth + "/oauth2/token",
                        "--lunora.gateway.playback.secret-file=" + home.resolve("data").resolve(ServiceClient.GATEWAY.secretFileName()));
        revocations = gateway.getBean(TokenRevocations.class);
    }

    @AfterAll
    void stopEverything() {
        try {
            if (gateway != null) {
                gateway.close();
            }
        } finally {
            if (stack != null) {
                stack.close();
            }
        }
    }

    @Test
    void shouldReadTheNotBeforeSecondOfTheFirstSignInsPasswordChange() throws ParseException {
        String id = idOf(admin.token);
        Instant issuedAt = SignedJWT.parse(admin.token).getJWTClaimsSet().getIssueTime().toInstant();

        assertThat(revoked(id, issuedAt)).as("the token of the sign-in that set the password").isFalse();
        assertThat(revoked(id, issuedAt.minus(Duration.ofHours(1)))).as("a token from before the password change")
                .isTrue();
    }

    @Test
    void shouldReadADisabledUserAsRevoked() {
        StackUsers.User dora = stack.users().inviteOperator(stack.api(), admin, "dora", "Contract-Operator-Chosen-7");
        String id = idOf(dora.token);
        assertThat(stack.api().post(admin.token, "/api/users/" + id + "/disable", null).status()).isEqualTo(200);

        assertThat(revoked(id, Instant.now())).isTrue();
    }

    @Test
    void shouldReadTheNotFoundOfAnUnknownUserAsRevoked() {
        assertThat(revoked(UUID.randomUUID().toString(), Instant.now())).isTrue();
    }

    /**
     * The concurrent-session limit (operators: 2): a third sign-in ends the first session, whose
     * id the answer's {@code revoked_session_ids} must carry to the gateway's parser.
     */
    @Test
    void shouldReadTheSessionsTheConcurrentSessionLimitEnded() throws ParseException {
        StackUsers.User otto = stack.users().inviteOperator(stack.api(), admin, "otto", "Contract-Operator-Chosen-9");
        String id = idOf(otto.token);
        String first = sessionOf(otto.token);
        stack.users().signInAgain(otto);
        stack.users().signInAgain(otto);
        String third = sessionOf(otto.token);
        Instant now = Instant.now();

        assertThat(revoked(id, now, first)).as("the first session, ended by the third sign-in").isTrue();
        assertThat(revoked(id, now, third)).as("the latest session").isFalse();
    }

    private boolean revoked(String userId, Instant issuedAt) {
        return revoked(userId, issuedAt, null);
    }

    private boolean revoked(String userId, Instant issuedAt, String sessionId) {
        return revocations.isRevoked(userId, issuedAt, sessionId).block(LOOKUP);
    }

    private static String sessionOf(String token) throws ParseException {
        String sid = SignedJWT.parse(token).getJWTClaimsSet().getStringClaim("sid");
        assertThat(sid).as("the access token's session id").isNotBlank();
        return sid;
    }

    /** The user id the gateway asks about: the token's subject. */
    private static String idOf(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet().getSubject();
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a JWT", e);
        }
    }
}
