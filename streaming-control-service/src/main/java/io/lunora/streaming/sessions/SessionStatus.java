package io.lunora.streaming.sessions;

import com.fasterxml.jackson.annotation.JsonValue;

/** A session's life: {@code active} and {@code stopped} are the specification's words. */
public enum SessionStatus {
    STARTING("starting"),
    ACTIVE("active"),
    STOPPING("stopping"),
    STOPPED("stopped"),
    ERROR("error");

    private final String value;

    SessionStatus(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public boolean isOpen() {
        return this == STARTING || this == ACTIVE || this == STOPPING;
    }

    public static SessionStatus of(String value) {
        for (SessionStatus s : values()) {
            if (s.value.equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown session status");
    }
}
