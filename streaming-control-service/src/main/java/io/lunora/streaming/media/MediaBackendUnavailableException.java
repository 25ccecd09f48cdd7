package io.lunora.streaming.media;

/**
 * The media backend could not be reached or failed (MediaLive's SDK error, say), in words an
 * operator may read: never a request's contents. The engine's own HTTP failures stay Spring's
 * {@code RestClientException}s, which {@code MediaBackendFailures} answers the same way.
 */
public class MediaBackendUnavailableException extends RuntimeException {
    public MediaBackendUnavailableException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
