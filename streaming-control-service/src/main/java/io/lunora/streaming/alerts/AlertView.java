package io.lunora.streaming.alerts;

import java.time.Instant;

/** An alert as the API, the live stream and the webhooks show it (snake_case JSON). */
public record AlertView(String alertId, String kind, String severity, String source, String message, String state,
        Instant firstSeen, Instant lastSeen, long count, String acknowledgedBy, Instant acknowledgedAt,
        Instant resolvedAt) {

    public static AlertView of(Alert a) {
        return new AlertView(a.alertId(), a.kind().value(), a.severity().value(), a.source(), a.message(),
                a.state().value(), a.firstSeen(), a.lastSeen(), a.count(), a.acknowledgedBy(), a.acknowledgedAt(),
                a.resolvedAt());
    }
}
