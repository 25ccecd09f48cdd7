package io.lunora.source.config;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Which side opens the SRT connection. {@code listener}: the platform listens and the encoder
 * calls it (the local engine's default). {@code caller}: the platform calls the encoder, which
 * listens (what MediaLive needs for an input failover pair).
 */
public enum SrtMode {
    LISTENER("listener"),
    CALLER("caller");

    private final String value;

    SrtMode(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public static SrtMode of(String value) {
        for (SrtMode mode : values()) {
            if (mode.value.equals(value)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown SRT mode");
    }
}
