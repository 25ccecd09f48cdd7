package io.lunora.gateway.access;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import reactor.core.publisher.Mono;

/**
 * Grants a request when the rule {@link RouteTableFilter} found is open to anonymous callers or
 * the token's groups include one the rule allows and its scopes all the rule requires. A denial without a token is a 401, with one a
 * 403 (Spring Security's exception translation).
 */
public final class RouteAccessManager implements ReactiveAuthorizationManager<AuthorizationContext> {

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        Object decision = context.getExchange().getAttribute(RouteTableFilter.DECISION);
        if (!(decision instanceof RouteTable.Decision.Governed rule)) {
            return Mono.just(new AuthorizationDecision(false));
        }
        if (rule.anonymous()) {
            return Mono.just(new AuthorizationDecision(true));
        }
        return authentication.filter(Authentication::isAuthenticated)
                .map(a -> a.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                        .collect(java.util.stream.Collectors.toSet()))
                .map(held -> held.stream().anyMatch(rule.authorities()::contains)
                        && held.containsAll(rule.scopeAuthorities()))
                .map(granted -> (AuthorizationResult) new AuthorizationDecision(granted))
                .defaultIfEmpty(new AuthorizationDecision(false));
    }
}
