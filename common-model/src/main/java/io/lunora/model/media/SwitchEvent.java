package io.lunora.model.media;

import java.time.Instant;

/**
 * One change of what is on air. Sources are {@code primary}, {@code secondary} or {@code slate}.
 *
 * @param reason {@code failover}, {@code failback}, {@code manual}, {@code signal_lost},
 *               {@code signal_restored} or {@code started}
 */
public record SwitchEvent(Instant time, String from, String to, String reason) {
    public static final String SLATE = "slate";
    public static final String PRIMARY = "primary";
    public static final String SECONDARY = "secondary";
    /** The reason of a switch an operator asked for. */
    public static final String MANUAL = "manual";
}
