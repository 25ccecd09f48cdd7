package io.lunora.support.security;

import io.lunora.model.identity.Group;
import io.lunora.model.identity.LunoraClaims;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * The rules every Lunora access token must pass, shared by the gateway (reactive) and the services
 * (servlet): signature is checked by the decoder; these check time, issuer, that it is an access
 * token and not an ID token, and that it was issued to a known client.
 */
public final class AccessTokenRules {
    private AccessTokenRules() {
    }

    public static OAuth2TokenValidator<Jwt> validator(String issuer, Set<String> allowedClientIds) {
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtTimestampValidator(),
                new JwtIssuerValidator(issuer),
                AccessTokenRules::requireAccessToken,
                jwt -> requireKnownClient(jwt, allowedClientIds)));
    }

    private static OAuth2TokenValidatorResult requireAccessToken(Jwt jwt) {
        return LunoraClaims.TOKEN_USE_ACCESS.equals(jwt.getClaimAsString(LunoraClaims.TOKEN_USE))
                ? OAuth2TokenValidatorResult.success()
                : failure("token_use must be 'access'");
    }

    private static OAuth2TokenValidatorResult requireKnownClient(Jwt jwt, Set<String> allowed) {
        String clientId = jwt.getClaimAsString(LunoraClaims.CLIENT_ID);
        if (clientId == null) {
            return failure("client_id claim missing");
        }
        return allowed.isEmpty() || allowed.contains(clientId)
                ? OAuth2TokenValidatorResult.success()
                : failure("client is not allowed");
    }

    private static OAuth2TokenValidatorResult failure(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", description, null));
    }

    /**
     * Groups become {@code ROLE_<GROUP>}, scopes become {@code SCOPE_<scope>}. Cognito names a
     * resource server's scopes {@code <identifier>/<name>} ({@code lunora/engine}); such a scope
     * also grants {@code SCOPE_<name>}, so the rules read the same with either issuer.
     */
    public static Collection<GrantedAuthority> authorities(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        List<String> groups = jwt.getClaimAsStringList(LunoraClaims.GROUPS);
        if (groups != null) {
            groups.stream().map(Group::fromClaimValue).flatMap(java.util.Optional::stream)
                    .map(g -> new SimpleGrantedAuthority(g.authority()))
                    .forEach(authorities::add);
        }
        String scope = jwt.getClaimAsString(LunoraClaims.SCOPE);
        if (scope != null && !scope.isBlank()) {
            for (String s : scope.trim().split("\\s+")) {
                authorities.add(new SimpleGrantedAuthority("SCOPE_" + s));
                if (s.indexOf('/') > 0) {
                    authorities.add(new SimpleGrantedAuthority("SCOPE_" + s.substring(s.lastIndexOf('/') + 1)));
                }
            }
        }
        return authorities;
    }
}
