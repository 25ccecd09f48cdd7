package io.lunora.gateway.revocation;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.lunora.gateway.playback.ServiceToken;
import io.lunora.model.identity.TokenValidity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreaker;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Whether a user's access token has been revoked, from auth-service's
 * {@code GET /internal/users/{id}/token-validity}, one answer per user reused for the cache time.
 * A deleted user (404) or a disabled one has no valid token; otherwise a token issued
 * ({@code iat}) before the user's not-before second is revoked, and so is a token of a sign-in session
 * ({@code sid}) that has ended (the concurrent-session limit, a sign-out). When auth-service cannot answer
 * in time (or the breaker is open) the token passes on its own expiry, as it did before the
 * check existed: an outage of the issuer must not sign everybody out.
 */
public final class TokenRevocations {
    private static final Logger log = LoggerFactory.getLogger(TokenRevocations.class);

    /** What auth-service says of one user; {@code UNKNOWN} when it could not be asked. */
    record Validity(boolean exists, boolean active, Long notBeforeEpochSecond, Set<String> revokedSessionIds) {
        static final Validity DELETED = new Validity(false, false, null, Set.of());
        static final Validity UNKNOWN = new Validity(true, true, null, Set.of());

        boolean revokes(Instant issuedAt, String sessionId) {
            if (!exists || !active) {
                return true;
            }
            if (sessionId != null && revokedSessionIds.contains(sessionId)) {
                return true;
            }
            return notBeforeEpochSecond != null && (issuedAt == null || issuedAt.getEpochSecond() < notBeforeEpochSecond);
        }

        static Validity of(TokenValidity answer) {
            return new Validity(true, answer.active(), answer.notBeforeEpochSecond(),
                    answer.revokedSessionIds() == null ? Set.of() : Set.copyOf(answer.revokedSessionIds()));
        }

        /**
         * auth-service's {@link TokenValidity} read member by member: snake_case whatever the gateway's
         * own JSON settings; {@code revoked_session_ids} is absent from older versions of it.
         */
        static TokenValidity read(JsonNode body) {
            List<String> revokedSessions = new ArrayList<>();
            body.path("revoked_session_ids").forEach(id -> revokedSessions.add(id.asString()));
            return new TokenValidity(body.path("user_id").asString(null), body.path("active").asBoolean(false),
                    body.path("not_before_epoch_second").isNumber() ? body.path("not_before_epoch_second").asLong() : null,
                    revokedSessions);
        }
    }

    private final WebClient http;
    private final ServiceToken token;
    private final String baseUrl;
    private final Duration timeout;
    private final ReactiveCircuitBreaker breaker;
    private final AsyncCache<String, Validity> cache;

    TokenRevocations(WebClient http, ServiceToken token, TokenRevocationProperties properties,
            ReactiveCircuitBreaker breaker) {
        this.http = http;
        this.token = token;
        this.baseUrl = properties.url();
        this.timeout = properties.timeout();
        this.breaker = breaker;
        this.cache = Caffeine.newBuilder().expireAfterWrite(properties.cacheTtl()).maximumSize(100_000).buildAsync();
    }

    /**
     * True when the token of {@code userId} issued at {@code issuedAt} in the sign-in session
     * {@code sessionId} (null for a token without one) must be refused.
     */
    public Mono<Boolean> isRevoked(String userId, Instant issuedAt, String sessionId) {
        return Mono.fromFuture(() -> cache.get(userId, (id, executor) -> lookup(id).toFuture()))
                .map(validity -> validity.revokes(issuedAt, sessionId));
    }

    private Mono<Validity> lookup(String userId) {
        Mono<Validity> call = token.get().flatMap(bearer -> http.get()
                        .uri(baseUrl + "/internal/users/{id}/token-validity", userId)
                        .headers(h -> h.setBearerAuth(bearer))
                        .retrieve().bodyToMono(JsonNode.class))
                .map(Validity::read)
                .map(Validity::of)
                .onErrorResume(WebClientResponseException.class, e -> {
                    if (e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                        return Mono.just(Validity.DELETED);
                    }
                    if (e.getStatusCode().value() == HttpStatus.UNAUTHORIZED.value()) {
                        token.invalidate();
                    }
                    return Mono.error(e);
                })
                .timeout(timeout);
        return breaker.run(call, failure -> {
            log.warn("Token revocation check unavailable ({}): tokens pass on their expiry", failure.toString());
            return Mono.just(Validity.UNKNOWN);
        });
    }
}
