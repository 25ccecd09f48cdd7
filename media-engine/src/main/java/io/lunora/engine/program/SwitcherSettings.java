package io.lunora.engine.program;

import io.lunora.model.media.FailbackPolicy;
import io.lunora.model.media.RedundancyMode;
import java.time.Duration;

/**
 * @param failoverThreshold silence on the active input before auto mode moves to the standby
 * @param failbackAfter     how long the primary must be healthy before a return to it
 * @param slateAfter        silence on the active input before the slate goes on air; far below
 *                          the threshold so that the encoders never starve
 */
public record SwitcherSettings(RedundancyMode mode, Duration failoverThreshold, FailbackPolicy failback,
        Duration failbackAfter, Duration slateAfter) {
    public SwitcherSettings {
        if (slateAfter.compareTo(failoverThreshold) >= 0) {
            throw new IllegalArgumentException("the slate must go on air before the failover threshold");
        }
    }

    public static SwitcherSettings of(RedundancyMode mode, Duration failoverThreshold, FailbackPolicy failback,
            Duration failbackAfter) {
        return new SwitcherSettings(mode, failoverThreshold, failback, failbackAfter,
                Duration.ofMillis(Math.min(300, failoverThreshold.toMillis() / 2)));
    }
}
