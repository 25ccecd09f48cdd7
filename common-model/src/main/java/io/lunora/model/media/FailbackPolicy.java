package io.lunora.model.media;

/** What auto failover does once the primary input is healthy again. */
public enum FailbackPolicy {
    /** Stay on the input that took over until told otherwise. */
    STAY,
    /** Return to the primary after it has been healthy for the failback delay. */
    RETURN_TO_PRIMARY
}
