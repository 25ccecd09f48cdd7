package io.lunora.support.problem;

/**
 * A conditional write lost: the item changed since it was read (optimistic locking), or another
 * request made the same one-time change first. Storage adapters throw it instead of their SDK's
 * exception, so services can retry or give up without knowing the database; unhandled it is a 409.
 */
public class ConcurrentChangeException extends ConflictException {
    public static final String RELOAD = "The resource was changed since you read it. Reload it and apply your change again.";

    public ConcurrentChangeException() {
        super(RELOAD);
    }

    public ConcurrentChangeException(String message) {
        super(message);
    }
}
