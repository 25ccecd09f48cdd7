package io.lunora.model.media;

import java.time.Instant;

/**
 * One change of what is on air. Sources are {@code primary}, {@code secondary} or {@code slate}.
 *
 * @param reason {@code failover}, {@code failback}, {@code manual}, {@code signal_lost},
 *               {@code signal_restored}, {@code started}, {@code paused} or {@code resumed}
 */
public record SwitchEvent(Instant time, String from, String to, String reason) {
    public static final String SLATE = "slate";
    public static final String PRIMARY = "primary";
    public static final String SECONDARY = "secondary";
    /** The reason of a switch an operator asked for. */
    public static final String MANUAL = "manual";
    /** The operator put the slate on air for every output ("Pause all"). */
    public static final String PAUSED = "paused";
    /** The operator took the slate off again. */
    public static final String RESUMED = "resumed";
}
