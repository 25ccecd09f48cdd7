package io.lunora.auth.sessions;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where the sign-in sessions live. Updates touch one attribute, so a renewal never undoes an end. */
public interface UserSessionStore {

    void create(UserSession session);

    Optional<UserSession> find(String userId, String sessionId);

    /** The user's sessions not yet expired from the store, in no particular order. */
    List<UserSession> ofUser(String userId);

    /** Records activity; nothing happens for a session that is not stored. */
    void markActive(String userId, String sessionId, Instant at);

    void markEnded(String userId, String sessionId, Instant at);
}
