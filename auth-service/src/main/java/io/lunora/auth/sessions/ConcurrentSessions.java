package io.lunora.auth.sessions;

import io.lunora.auth.users.UserAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * The sign-in sessions of the local issuer and the role's limit on them. A completed sign-in starts
 * a session; when the user then holds more live sessions than the role allows, the oldest end:
 * their browsers' silent renewals ask for the password again and the gateway refuses their access
 * tokens ({@code sid} in {@link #endedSessionIds}). Signing out ends a session too, so that it no
 * longer counts. Two sign-ins at once may both end the same oldest session, never a newer one than
 * necessary: each stores its own session before counting.
 */
@Service
@EnableConfigurationProperties(SessionLimitProperties.class)
public class ConcurrentSessions {
    private static final Logger log = LoggerFactory.getLogger(ConcurrentSessions.class);
    /** Renewals closer together than this are not written again: the idle timeouts are hours. */
    private static final Duration ACTIVITY_GRANULARITY = Duration.ofMinutes(1);

    private final UserSessionStore store;
    private final SessionLimitProperties limits;
    private final Clock clock;

    ConcurrentSessions(UserSessionStore store, SessionLimitProperties limits, Clock clock) {
        this.store = store;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Starts the session of a sign-in that just completed, with the role's absolute and idle
     * timeouts, and ends the user's oldest beyond the limit; returns its id.
     */
    public String start(UserAccount user, Duration absolute, Duration idle) {
        Instant now = clock.instant();
        UserSession started = new UserSession(user.id(), UUID.randomUUID().toString(), now, now,
                now.plus(absolute), idle, null);
        store.create(started);
        OptionalInt limit = limits.of(user.group());
        if (limit.isPresent()) {
            endBeyond(limit.getAsInt(), started, now);
        }
        return started.sessionId();
    }

    private void endBeyond(int limit, UserSession started, Instant now) {
        List<UserSession> live = store.ofUser(started.userId()).stream()
                .filter(s -> s.liveAt(now) || s.sessionId().equals(started.sessionId()))
                .sorted(Comparator.comparing(UserSession::startedAt).thenComparing(UserSession::sessionId))
                .toList();
        live.stream().limit(Math.max(0, live.size() - limit))
                .filter(s -> !s.sessionId().equals(started.sessionId()))
                .forEach(oldest -> {
                    store.markEnded(oldest.userId(), oldest.sessionId(), now);
                    log.info("Sign-in session {} of user {} ended by the concurrent-session limit ({})",
                            oldest.sessionId(), oldest.userId(), limit);
                });
    }

    /**
     * Whether tokens may still be issued from the session, recording the activity when they may. A
     * session not stored (started before this service kept sessions) counts as live.
     */
    public boolean renew(String userId, String sessionId) {
        Instant now = clock.instant();
        return store.find(userId, sessionId).map(session -> {
            if (session.endedAt() != null) {
                return false;
            }
            if (session.lastActiveAt().plus(ACTIVITY_GRANULARITY).isBefore(now)) {
                store.markActive(userId, sessionId, now);
            }
            return true;
        }).orElse(true);
    }

    /** Ends the session (its user signed out, or the issuer's browser session expired). */
    public void end(String userId, String sessionId) {
        store.markEnded(userId, sessionId, clock.instant());
    }

    /** Whether the limit or a sign-out ended the session. */
    public boolean ended(String userId, String sessionId) {
        return store.find(userId, sessionId).map(s -> s.endedAt() != null).orElse(false);
    }

    /** The ended sessions of the user whose access tokens may not have expired yet. */
    public List<String> endedSessionIds(String userId) {
        return store.ofUser(userId).stream().filter(s -> s.endedAt() != null)
                .map(UserSession::sessionId).sorted().toList();
    }
}
