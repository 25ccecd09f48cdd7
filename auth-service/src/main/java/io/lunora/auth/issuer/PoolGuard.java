package io.lunora.auth.issuer;

import io.lunora.auth.signin.ClientPools;
import io.lunora.auth.signin.SignedInUser;
import io.lunora.auth.users.UserAccount;
import io.lunora.auth.users.UserStore;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;

/**
 * An authorization request is granted only to a user of the client's own pool who is still
 * enabled: a browser signed in as an operator gets {@code access_denied} from a viewer app.
 */
class PoolGuard implements Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> {
    private final UserStore users;

    PoolGuard(UserStore users) {
        this.users = users;
    }

    @Override
    public void accept(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
        OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
        if (!(request.getPrincipal() instanceof Authentication principal)
                || !(principal.getPrincipal() instanceof SignedInUser signedIn)) {
            return; // not signed in yet: the login page comes first
        }
        boolean samePool = ClientPools.poolOf(context.getRegisteredClient()).filter(p -> p == signedIn.pool()).isPresent();
        Optional<UserAccount> user = users.findById(signedIn.userId()).filter(UserAccount::enabled);
        if (!samePool || user.isEmpty()) {
            throw new OAuth2AuthorizationCodeRequestAuthenticationException(new OAuth2Error(
                    OAuth2ErrorCodes.ACCESS_DENIED, "The signed-in user may not use this application.", null), request);
        }
    }
}
