package io.lunora.support.problem;

/**
 * The data store could not be reached or refused to answer now (throttled, timed out, down); a later
 * try may work. Storage adapters throw it instead of their SDK's exception; unhandled it is a 503.
 */
public class StorageUnavailableException extends RuntimeException {
    public StorageUnavailableException(Throwable cause) {
        super("The data store is not available now.", cause);
    }
}
