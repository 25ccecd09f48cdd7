package io.lunora.streaming.alerts;

import java.time.Instant;

/**
 * One grouped alert: every occurrence of its kind on its source while it is not resolved counts
 * here, so a flapping input is one alert with its count.
 *
 * @param source         the input ({@code primary}/{@code secondary}), destination id, encoder or session
 * @param ownerId        whose session or destination it concerns (null: the admins'); an operator sees
 *                       their own alerts and the organization-wide ones
 * @param organizationWide the organization's inputs concern every operator (they all see the sources' status)
 * @param message        what happened last, in an operator's words
 * @param acknowledgedBy the username of who acknowledged it; null while open
 */
public record Alert(String organizationId, String alertId, AlertKind kind, String source, String ownerId,
        boolean organizationWide, String message, AlertState state, Instant firstSeen, Instant lastSeen, long count, String acknowledgedBy,
        Instant acknowledgedAt, Instant resolvedAt) {

    public AlertSeverity severity() {
        return kind.severity();
    }

    public static Alert raised(String organizationId, String alertId, AlertKind kind, String source, String ownerId,
            boolean organizationWide, String message, Instant at) {
        return new Alert(organizationId, alertId, kind, source, ownerId, organizationWide, message, AlertState.OPEN,
                at, at, 1, null, null, null);
    }

    /** Who may see it: everyone at work for the organization's inputs, else its owner and the admins. */
    public boolean visibleTo(io.lunora.support.security.Caller caller) {
        return organizationWide || caller.mayAccess(ownerId);
    }

    /** One more occurrence of the same condition. */
    public Alert occurredAgain(String newMessage, Instant at) {
        return new Alert(organizationId, alertId, kind, source, ownerId, organizationWide, newMessage, state, firstSeen,
                at.isAfter(lastSeen) ? at : lastSeen, count + 1, acknowledgedBy, acknowledgedAt, resolvedAt);
    }

    public Alert acknowledged(String username, Instant at) {
        return new Alert(organizationId, alertId, kind, source, ownerId, organizationWide, message,
                AlertState.ACKNOWLEDGED, firstSeen, lastSeen,
                count, username, at, resolvedAt);
    }

    public Alert resolved(Instant at) {
        return new Alert(organizationId, alertId, kind, source, ownerId, organizationWide, message,
                AlertState.RESOLVED, firstSeen, lastSeen,
                count, acknowledgedBy, acknowledgedAt, at);
    }

    public boolean isResolved() {
        return state == AlertState.RESOLVED;
    }
}
