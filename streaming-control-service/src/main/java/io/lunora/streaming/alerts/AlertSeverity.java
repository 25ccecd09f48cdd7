package io.lunora.streaming.alerts;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** How urgent an alert is: critical (on air at risk), warning, info, cost (budget). */
public enum AlertSeverity {
    CRITICAL, WARNING, INFO, COST;

    @JsonValue
    public String value() {
        return name().toLowerCase();
    }

    public static Optional<AlertSeverity> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.value().equals(value)).findFirst();
    }
}
