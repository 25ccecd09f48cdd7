package io.lunora.engine.rendition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SpeedStepsTest {
    private static final long S = Duration.ofSeconds(1).toNanos();

    @Test
    void shouldGoStraightToTheFastestStepWhenTheFeedSkipsTwiceWithinTheWindowAndNotForOneSkip() {
        SpeedSteps steps = new SpeedSteps(2, 0, new RecentSaturation());
        assertThat(steps.observe(5 * S, 1)).as("one skip: a moment's load").isZero();
        assertThat(steps.observe(25 * S, 1)).as("the next one 20 s later, outside the window").isZero();
        assertThat(steps.observe(30 * S, 1)).as("two within 15 s: no stop on the way").isEqualTo(2);
    }

    @Test
    void shouldIgnoreSkipsWhileTheNewEncoderSettlesAndStopAtTheFastestStep() {
        SpeedSteps steps = new SpeedSteps(2, 0, new RecentSaturation());
        assertThat(steps.observe(5 * S, 2)).isEqualTo(2);
        long calm = SpeedSteps.CALM.toNanos();
        assertThat(steps.observe(5 * S + calm + S, 0)).as("calm: one step back").isEqualTo(1);
        assertThat(steps.observe(5 * S + calm + 2 * S, 5)).as("within the settling time of the change").isEqualTo(1);
        assertThat(steps.observe(5 * S + calm + 10 * S, 2)).isEqualTo(2);
        assertThat(steps.observe(5 * S + calm + 15 * S, 2)).as("nothing faster than the fastest").isEqualTo(2);
        assertThat(new SpeedSteps(0, 0, new RecentSaturation()).observe(5 * S, 10)).as("a copy has no step").isZero();
    }

    @Test
    void shouldGoBackOneStepAtATimeAfterTheCalmAndWaitTwiceAsLongAfterHavingToLeaveItAgain() {
        SpeedSteps steps = new SpeedSteps(2, 0, new RecentSaturation());
        long t = 5 * S;
        assertThat(steps.observe(t, 2)).isEqualTo(2);
        long calm = SpeedSteps.CALM.toNanos();
        assertThat(steps.observe(t + calm - S, 0)).as("not calm long enough").isEqualTo(2);
        t += calm + S;
        assertThat(steps.observe(t, 0)).as("calm: one step back").isEqualTo(1);
        t += 5 * S;
        assertThat(steps.observe(t, 2)).as("falls behind again").isEqualTo(2);
        assertThat(steps.observe(t + calm + S, 0)).as("the calm is doubled now").isEqualTo(2);
        t += 2 * calm + S;
        assertThat(steps.observe(t, 0)).isEqualTo(1);
        assertThat(steps.observe(t + 4 * calm + S, 0)).as("back at the usual preset after a calm again").isZero();
    }
}
