package io.lunora.auth.issuer;

import io.lunora.model.identity.Platform;
import io.lunora.auth.sessions.ConcurrentSessions;
import io.lunora.auth.signin.SignedInUser;
import io.lunora.auth.users.UserAccount;
import io.lunora.auth.users.UserStore;
import io.lunora.model.identity.Group;
import io.lunora.model.identity.LunoraClaims;
import io.lunora.model.identity.Pool;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts Cognito's claims into the tokens, so the services read the local issuer's tokens and
 * Cognito's alike: {@code token_use}, {@code client_id}, {@code username}, {@code cognito:groups},
 * {@code custom:organization} and {@code scope} as one space-separated string. Group and
 * organization are read from the store at issue time, so a changed group or a disabled user takes
 * effect with the next token. A platform admin's access tokens also carry the scope
 * {@code platform} ({@link Platform}). Access tokens of a sign-in carry its session as {@code sid};
 * an ended session (concurrent-session limit, sign-out) gets no more tokens, not even for an
 * authorization code it obtained just before.
 */
@Component
class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {
    private final UserStore users;
    private final ConcurrentSessions sessions;

    TokenClaims(UserStore users, ConcurrentSessions sessions) {
        this.users = users;
        this.sessions = sessions;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean access = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean id = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!access && !id) {
            return;
        }
        JwtClaimsSet.Builder claims = context.getClaims();
        if (access) {
            claims.claim(LunoraClaims.TOKEN_USE, LunoraClaims.TOKEN_USE_ACCESS);
            claims.claim(LunoraClaims.CLIENT_ID, context.getRegisteredClient().getClientId());
            if (context.getAuthorizedScopes().isEmpty()) {
                claims.claims(c -> c.remove(LunoraClaims.SCOPE));
            } else {
                claims.claim(LunoraClaims.SCOPE, String.join(" ", context.getAuthorizedScopes().stream().sorted().toList()));
            }
        } else {
            claims.claim(LunoraClaims.TOKEN_USE, LunoraClaims.TOKEN_USE_ID);
        }
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            return;
        }
        Authentication principal = context.getPrincipal();
        if (!(principal.getPrincipal() instanceof SignedInUser signedIn)) {
            return;
        }
        UserAccount user = users.findById(signedIn.userId()).filter(UserAccount::enabled)
                .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
                        "The user is disabled.", null)));
        if (access && signedIn.sessionId() != null) {
            if (!sessions.renew(user.id(), signedIn.sessionId())) {
                throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
                        "The sign-in session has ended.", null));
            }
            claims.claim(LunoraClaims.SESSION_ID, signedIn.sessionId());
        }
        claims.claim(LunoraClaims.USERNAME, user.username());
        claims.claim(LunoraClaims.GROUPS, List.of(user.group().claimValue()));
        if (user.organizationId() != null) {
            claims.claim(LunoraClaims.ORGANIZATION, user.organizationId());
        }
        if (user.pool() == Pool.INTERNAL) {
            claims.claim(LunoraClaims.ROLE, user.group() == Group.ADMINS ? "admin" : "operator");
        }
        if (access && Platform.isAdmin(user.pool(), user.group(), user.organizationId())) {
            claims.claim(LunoraClaims.SCOPE, withPlatformScope(context.getAuthorizedScopes()));
        }
        if (id) {
            claims.claim("cognito:username", user.username());
            claims.claim("email", user.email());
        }
    }

    private static String withPlatformScope(Set<String> authorized) {
        Set<String> scopes = new TreeSet<>(authorized);
        scopes.add(Platform.SCOPE);
        return String.join(" ", scopes);
    }
}
