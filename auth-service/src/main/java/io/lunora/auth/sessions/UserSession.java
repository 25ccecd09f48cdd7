package io.lunora.auth.sessions;

import java.time.Duration;
import java.time.Instant;

/**
 * One completed sign-in at the local issuer: the tokens issued from it carry its id as {@code sid}.
 *
 * @param lastActiveAt when a token was last issued from it (a silent renewal is activity)
 * @param endsAt       its absolute end (the role's session timeout)
 * @param idle         the role's idle timeout
 * @param endedAt      when the concurrent-session limit or a sign-out ended it; null while it lives
 */
public record UserSession(String userId, String sessionId, Instant startedAt, Instant lastActiveAt, Instant endsAt,
        Duration idle, Instant endedAt) {

    /** Still counts against the limit: not ended, past neither its absolute end nor its idle timeout. */
    boolean liveAt(Instant now) {
        return endedAt == null && now.isBefore(endsAt) && now.isBefore(lastActiveAt.plus(idle));
    }
}
