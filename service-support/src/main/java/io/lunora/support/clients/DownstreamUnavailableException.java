package io.lunora.support.clients;

import java.io.IOException;

/**
 * A downstream service gave no usable answer: not reachable, too slow, answered 5xx, or its
 * circuit breaker is open. An {@link IOException} so that {@code RestClient} hands it on inside a
 * {@link org.springframework.web.client.ResourceAccessException}, the type callers already catch;
 * {@link DownstreamFailures} turns it into the caller's 503.
 */
public final class DownstreamUnavailableException extends IOException {
    private final String service;
    private final String reason;
    private final String title;
    private final Integer retryAfterSeconds;

    DownstreamUnavailableException(String service, String reason, Throwable cause) {
        this(service, reason, null, null, cause);
    }

    DownstreamUnavailableException(String service, String reason, String title, Integer retryAfterSeconds,
            Throwable cause) {
        super(service + ": " + reason, cause);
        this.service = service;
        this.reason = reason;
        this.title = title;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The title of the downstream's own 5xx problem (e.g. {@code Engine busy}); null when it sent none. */
    public String title() {
        return title;
    }

    /** The downstream's {@code Retry-After} in seconds; null when it sent none. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Why, in our words: {@code not reachable}, {@code no answer in time}, {@code failed with 500}, {@code circuit open…}. */
    public String reason() {
        return reason;
    }

    /** The downstream service's name, e.g. {@code destination-service}. */
    public String service() {
        return service;
    }
}
