package io.lunora.streaming.sessions;

/**
 * A session changed by someone else since it was read (its version moved on, or its open marker
 * is no longer its own): the change must be made again on fresh data.
 */
public class ConcurrentChangeException extends RuntimeException {
    public ConcurrentChangeException(String sessionId) {
        super("session " + sessionId + " changed concurrently");
    }
}
