package io.lunora.auth.signin;

import io.lunora.model.identity.Group;
import io.lunora.model.identity.Pool;
import java.io.Serializable;
import java.time.Instant;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The principal of a completed sign-in at this issuer. Its name is the user id, which becomes the
 * {@code sub} of the tokens; {@code sessionId} becomes their {@code sid}
 * ({@link io.lunora.auth.sessions.ConcurrentSessions}).
 */
public record SignedInUser(String userId, String username, Pool pool, Group group, Instant signedInAt,
        String sessionId)
        implements AuthenticatedPrincipal, Serializable {
    @Override
    public String getName() {
        return userId;
    }
}
