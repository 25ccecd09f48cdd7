package io.lunora.model.media;

/** The life of one destination's push. */
public enum OutputState {
    STOPPED,
    CONNECTING,
    LIVE,
    /** The push failed while wanted and waits for its next attempt (exponential backoff). */
    RETRYING,
    /** The push gave up after repeated failures; it needs a new start. */
    FAILED
}
