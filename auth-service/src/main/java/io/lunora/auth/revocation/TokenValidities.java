package io.lunora.auth.revocation;

import io.lunora.model.identity.TokenValidity;
import io.lunora.auth.sessions.ConcurrentSessions;
import io.lunora.auth.users.UserAccount;
import io.lunora.auth.users.UserStore;
import io.lunora.support.problem.NotFoundException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Service;

/**
 * From which second a user's tokens are honoured, whether the user may sign in at all, and which
 * of their sign-in sessions no longer count.
 */
@Service
@ConditionalOnProperty(name = "lunora.mode", havingValue = "local", matchIfMissing = true)
class TokenValidities {
    private final UserStore users;
    private final ConcurrentSessions sessions;

    TokenValidities(UserStore users, ConcurrentSessions sessions) {
        this.users = users;
        this.sessions = sessions;
    }

    /** @throws NotFoundException for a deleted (or never known) user, which the gateway reads as revoked */
    TokenValidity of(String userId) {
        UserAccount user = users.findById(userId).orElseThrow(() -> new NotFoundException("user", userId));
        return new TokenValidity(user.id(), user.enabled(), user.tokensValidFromSecond(),
                sessions.endedSessionIds(user.id()));
    }
}
