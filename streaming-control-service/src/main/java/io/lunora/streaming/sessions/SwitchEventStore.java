package io.lunora.streaming.sessions;

import java.util.List;

/**
 * Outgoing port: every input switch of every session (the StreamSessionEvents table), so that a
 * session's own record stays small however often its source flaps.
 */
public interface SwitchEventStore {

    /**
     * Stores a session's switch. Idempotent: the same session and sequence number store one event,
     * so a retried recording writes it again in the same place.
     *
     * @param sequence the switch's number in its session, from 1
     */
    void append(String organizationId, String sessionId, long sequence, StreamSession.FailoverEvent event);

    /**
     * One page of a session's switches in the order they were recorded; only the organization's own.
     *
     * @param cursor null for the first page, else a page's {@link Page#nextCursor()}
     * @throws InvalidCursorException when the cursor is not one this store gave out for the session
     */
    Page page(String organizationId, String sessionId, int limit, String cursor);

    /** @param nextCursor where the next page starts; null on the last page */
    record Page(List<StreamSession.FailoverEvent> events, String nextCursor) {
        public Page {
            events = List.copyOf(events);
        }
    }

    class InvalidCursorException extends RuntimeException {
        public InvalidCursorException() {
            super("cursor is not a cursor of this session's events");
        }
    }
}
