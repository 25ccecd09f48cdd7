package io.lunora.streaming.sessions;

import java.util.List;
import java.util.Optional;

/** Outgoing port: the StreamSessions table. */
public interface SessionStore {

    /**
     * Stores a new session as the organization's open one. Fails with {@link AlreadyOpenException}
     * when the organization already has an open session (two concurrent starts cannot both win).
     */
    StreamSession open(StreamSession session);

    /** Saves a changed session, conditional on its version; a lost race throws {@link ConcurrentChangeException}. */
    StreamSession save(StreamSession session);

    /**
     * Ends the organization's open-session marker; the session item itself stays as history. Throws
     * {@link ConcurrentChangeException} when the marker points at another session.
     */
    void close(StreamSession session);

    Optional<StreamSession> find(String organizationId, String sessionId);

    Optional<StreamSession> findOpen(String organizationId);

    /** Every open session of every organization, for reconciliation after a restart. */
    List<StreamSession> findAllOpen();

    /** The organization's sessions, newest first. */
    List<StreamSession> history(String organizationId, int limit);

    /**
     * The organization's sessions started on the days from {@code from} to {@code to} (UTC,
     * both included), newest first, at most {@code limit}.
     */
    List<StreamSession> startedBetween(String organizationId, java.time.LocalDate from, java.time.LocalDate to,
            int limit);

    /** Thrown when an organization already has an open session. */
    class AlreadyOpenException extends RuntimeException {
        private final String openSessionId;

        public AlreadyOpenException(String openSessionId) {
            super("a session is already open");
            this.openSessionId = openSessionId;
        }

        public String openSessionId() {
            return openSessionId;
        }
    }
}
