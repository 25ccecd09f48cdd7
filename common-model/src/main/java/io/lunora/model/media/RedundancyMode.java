package io.lunora.model.media;

/** How a channel uses its two inputs (SPEC: source redundancy). */
public enum RedundancyMode {
    /** The primary input only; the slate covers its losses. */
    SINGLE,
    /** Switch to a healthy standby after the failover threshold of silence on the active input. */
    AUTO_FAILOVER,
    /** Switch only on an operator's command. */
    MANUAL
}
