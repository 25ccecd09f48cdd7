package io.lunora.streaming.alerts;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** open → acknowledged (someone is on it) → resolved (the condition cleared). */
public enum AlertState {
    OPEN, ACKNOWLEDGED, RESOLVED;

    @JsonValue
    public String value() {
        return name().toLowerCase();
    }

    public static Optional<AlertState> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.value().equals(value)).findFirst();
    }
}
