package io.lunora.engine.rendition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The engine's memory of saturation: where a new encoder starts (a fake clock: nanos given). */
class RecentSaturationTest {
    private static final long S = Duration.ofSeconds(1).toNanos();
    private static final long CALM = SpeedSteps.CALM.toNanos();

    @Test
    void shouldStartAnEncoderAtTheUsualStepOnAMachineThatNeededNothing() {
        RecentSaturation machine = new RecentSaturation();
        assertThat(new SpeedSteps(2, 100 * S, machine).step()).isZero();
    }

    @Test
    void shouldStartANewEncoderAtTheFastestStepWhileAnotherNeededItWithinTheCalm() {
        RecentSaturation machine = new RecentSaturation();
        SpeedSteps first = new SpeedSteps(2, 0, machine);
        assertThat(first.observe(10 * S, 2)).as("the first falls behind").isEqualTo(2);

        assertThat(new SpeedSteps(2, 20 * S, machine).step()).as("a second one started 10 s later").isEqualTo(2);
        assertThat(new SpeedSteps(2, 10 * S + CALM - S, machine).step()).as("just within the calm").isEqualTo(2);
        assertThat(new SpeedSteps(2, 10 * S + CALM + S, machine).step()).as("after the calm: forgotten").isZero();
        assertThat(new SpeedSteps(0, 20 * S, machine).step()).as("a copy or x265 has no step").isZero();
    }

    @Test
    void shouldKeepTheFastestStepInMindWhileAnEncoderStaysBehindAtIt() {
        RecentSaturation machine = new RecentSaturation();
        SpeedSteps first = new SpeedSteps(2, 0, machine);
        first.observe(10 * S, 2);
        long t = 10 * S + CALM - 10 * S;
        first.observe(t, 1);
        first.observe(t + S, 1);
        assertThat(first.behindAtFastest()).as("two more skips at the fastest step").isTrue();
        assertThat(first.observe(t + 2 * S, 0)).isEqualTo(2);
        assertThat(first.behindAtFastest()).as("said once per two skips").isFalse();

        assertThat(new SpeedSteps(2, 10 * S + CALM + 5 * S, machine).step())
                .as("still needed: the calm counts from the latest skips at the fastest step").isEqualTo(2);
    }

    @Test
    void shouldRememberTheHigherNeedWhenAnotherEncoderStepsBackAndALowerOneAfterIt() {
        RecentSaturation machine = new RecentSaturation();
        machine.needed(2, 100 * S);
        machine.needed(1, 110 * S); // one encoder calm again, while another needed the fastest 10 s ago
        assertThat(machine.startStep(2, 120 * S)).isEqualTo(2);
        assertThat(machine.startStep(2, 100 * S + CALM + S)).as("the fastest is forgotten after its calm").isZero();

        machine.needed(1, 400 * S);
        assertThat(machine.startStep(2, 401 * S)).as("a lower need after the higher one expired").isEqualTo(1);
        assertThat(machine.startStep(0, 401 * S)).isZero();
    }

    @Test
    void shouldNotCountTheStartAtTheFastestStepAsAReasonToRememberItLonger() {
        RecentSaturation machine = new RecentSaturation();
        machine.needed(2, 0);
        SpeedSteps late = new SpeedSteps(2, CALM - S, machine);
        assertThat(late.step()).isEqualTo(2);
        assertThat(machine.startStep(2, CALM + S)).as("starting at it is no new need").isZero();
        assertThat(late.observe(CALM - S + CALM + S, 0)).as("the late one steps back after its own calm").isEqualTo(1);
    }
}
