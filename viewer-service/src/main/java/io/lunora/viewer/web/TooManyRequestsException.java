package io.lunora.viewer.web;

import java.time.Duration;

/** A viewer went over a rate limit; {@link #retryAfter()} says when the next attempt can succeed. */
public class TooManyRequestsException extends RuntimeException {
    private final Duration retryAfter;

    public TooManyRequestsException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
