package io.lunora.source.config;

import com.fasterxml.jackson.annotation.JsonValue;

/** The specification's redundancy modes. */
public enum RedundancyMode {
    SINGLE("single"),
    AUTO_FAILOVER("auto_failover"),
    MANUAL("manual");

    private final String value;

    RedundancyMode(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public boolean needsSecondary() {
        return this != SINGLE;
    }

    public static RedundancyMode of(String value) {
        for (RedundancyMode mode : values()) {
            if (mode.value.equals(value)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown redundancy mode");
    }
}
