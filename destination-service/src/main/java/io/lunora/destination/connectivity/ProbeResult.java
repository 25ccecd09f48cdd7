package io.lunora.destination.connectivity;

/**
 * What a connectivity test found.
 *
 * @param reachable  the server completed the handshake and accepted {@code connect}
 * @param failedStep null on success, else the step that failed
 * @param message    what happened, in words; never the URL path or a stream key
 * @param durationMs how long the test took
 */
public record ProbeResult(boolean reachable, Step failedStep, String message, long durationMs) {

    /** The steps of a test, in order. */
    public enum Step {
        RESOLVE, ADDRESS_POLICY, TCP_CONNECT, TLS, HANDSHAKE, CONNECT
    }
}
