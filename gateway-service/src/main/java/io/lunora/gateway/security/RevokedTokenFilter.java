package io.lunora.gateway.security;

import io.lunora.gateway.revocation.TokenRevocations;
import io.lunora.model.identity.LunoraClaims;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * After the bearer token is validated, refuses it (401 {@code invalid_token}) when its user was
 * disabled, deleted or changed their password after it was issued, or when its sign-in session
 * ({@code sid}) has ended: the concurrent-session limit, a sign-out ({@link TokenRevocations}).
 * Anonymous requests pass untouched.
 */
final class RevokedTokenFilter implements WebFilter {
    private final TokenRevocations revocations;
    private final ProblemAuthenticationHandlers problems;

    RevokedTokenFilter(TokenRevocations revocations, ProblemAuthenticationHandlers problems) {
        this.revocations = revocations;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication() instanceof JwtAuthenticationToken jwt ? jwt : null)
                .flatMap(jwt -> revocations.isRevoked(jwt.getToken().getSubject(), jwt.getToken().getIssuedAt(),
                        jwt.getToken().getClaimAsString(LunoraClaims.SESSION_ID)))
                .defaultIfEmpty(false)
                .flatMap(revoked -> revoked
                        ? problems.commence(exchange, new InvalidBearerTokenException("The access token was revoked."))
                        : chain.filter(exchange));
    }
}
