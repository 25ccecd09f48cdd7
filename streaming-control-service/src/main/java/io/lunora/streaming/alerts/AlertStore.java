package io.lunora.streaming.alerts;

import java.util.List;
import java.util.Optional;

/** Outgoing port: the organization's alerts (the Alerts table). */
public interface AlertStore {

    /** The unresolved alert of this kind on this source, if any: where a repeat is counted. */
    Optional<Alert> findUnresolved(String organizationId, AlertKind kind, String source);

    /** Every unresolved alert of the organization. */
    List<Alert> unresolved(String organizationId);

    Optional<Alert> find(String organizationId, String alertId);

    /** Stores a new or changed alert; a resolved one no longer groups repeats. */
    void save(Alert alert);

    /**
     * One page of the organization's alerts, newest raised first, of the given state and severity
     * when they are not null.
     *
     * @param visibleTo null for all (an admin), else a user id: that user's and the organization-wide alerts
     * @param cursor null for the first page, else a page's {@link Page#nextCursor()}
     * @throws InvalidCursorException when the cursor is not one this store gave out
     */
    Page page(String organizationId, String visibleTo, AlertState state, AlertSeverity severity, int limit, String cursor);

    /** @param nextCursor where the next page starts; null on the last page */
    record Page(List<Alert> alerts, String nextCursor) {
        public Page {
            alerts = List.copyOf(alerts);
        }
    }

    class InvalidCursorException extends RuntimeException {
        public InvalidCursorException() {
            super("cursor is not a cursor of these alerts");
        }
    }
}
