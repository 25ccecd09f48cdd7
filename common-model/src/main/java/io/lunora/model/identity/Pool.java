package io.lunora.model.identity;

/** The two user pools: internal (invitation only) and consumer (self-registration). */
public enum Pool {
    INTERNAL,
    CONSUMER
}
