package io.lunora.streaming.sessions;

import com.fasterxml.jackson.annotation.JsonValue;

/** A destination's push state, as the media engine reports it. */
public enum OutputState {
    STOPPED, CONNECTING, LIVE, RETRYING, FAILED;

    @JsonValue
    public String value() {
        return name().toLowerCase();
    }

    public static OutputState of(String value) {
        return valueOf(value.toUpperCase());
    }
}
