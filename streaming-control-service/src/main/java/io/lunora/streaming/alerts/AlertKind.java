package io.lunora.streaming.alerts;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * What an alert is about, and its severity. A kind with a condition (an input lost, a destination
 * disconnected, an encoder behind) resolves when the condition clears; a notice (a failover that
 * worked, a session that ended) has none, so it resolves after a quiet period without repeats.
 */
public enum AlertKind {
    SOURCE_LOST(AlertSeverity.CRITICAL, true),
    DESTINATION_DISCONNECTED(AlertSeverity.CRITICAL, true),
    ENCODER_BEHIND_REAL_TIME(AlertSeverity.WARNING, true),
    FAILOVER_SUCCEEDED(AlertSeverity.INFO, false),
    SESSION_COMPLETED(AlertSeverity.INFO, false),
    /** One per budget threshold and month (see {@code costs.CostWatch}). */
    BUDGET_THRESHOLD_CROSSED(AlertSeverity.COST, false);

    private final AlertSeverity severity;
    private final boolean condition;

    AlertKind(AlertSeverity severity, boolean condition) {
        this.severity = severity;
        this.condition = condition;
    }

    public AlertSeverity severity() {
        return severity;
    }

    /** False for a notice, which nothing clears. */
    public boolean hasCondition() {
        return condition;
    }

    @JsonValue
    public String value() {
        return name().toLowerCase();
    }

    public static Optional<AlertKind> parse(String value) {
        return Arrays.stream(values()).filter(k -> k.value().equals(value)).findFirst();
    }
}
