package io.lunora.support.problem;

/** The request is valid but conflicts with the current state (in use, stale version, duplicate). */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
