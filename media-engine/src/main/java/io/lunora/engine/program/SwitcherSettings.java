package io.lunora.engine.program;

import io.lunora.model.media.FailbackPolicy;
import io.lunora.model.media.RedundancyMode;
import java.time.Duration;

/**
 * @param failoverThreshold how long the active input may have nothing to play before auto mode moves to
 *                          the standby (an input that never delivered counts from the channel's start)
 * @param failbackAfter     how long the primary must play steadily before a return to it
 * @param slateAfter        how long the input on air may have nothing to play before the slate goes on
 *                          air; far below the threshold so that the encoders never starve
 * @param restoreAfter      how long an input that was lost must play steadily before it replaces the slate
 */
public record SwitcherSettings(RedundancyMode mode, Duration failoverThreshold, FailbackPolicy failback,
        Duration failbackAfter, Duration slateAfter, Duration restoreAfter) {
    public static final Duration DEFAULT_SLATE_AFTER = Duration.ofMillis(200);
    public static final Duration DEFAULT_RESTORE_AFTER = Duration.ofSeconds(1);

    public SwitcherSettings {
        if (slateAfter.compareTo(failoverThreshold) >= 0) {
            throw new IllegalArgumentException("the slate must go on air before the failover threshold");
        }
    }

    public static SwitcherSettings of(RedundancyMode mode, Duration failoverThreshold, FailbackPolicy failback,
            Duration failbackAfter) {
        Duration half = failoverThreshold.dividedBy(2);
        return new SwitcherSettings(mode, failoverThreshold, failback, failbackAfter,
                DEFAULT_SLATE_AFTER.compareTo(half) < 0 ? DEFAULT_SLATE_AFTER : half, DEFAULT_RESTORE_AFTER);
    }
}
