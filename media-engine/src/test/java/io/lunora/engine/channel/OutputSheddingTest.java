package io.lunora.engine.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.engine.channel.OutputShedding.Candidate;
import io.lunora.engine.rendition.RenditionPreset;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a channel stops when its encoders cannot keep real time at the fastest step (a fake clock: nanos given). */
class OutputSheddingTest {
    private static final long S = Duration.ofSeconds(1).toNanos();
    private static final RenditionPreset HD = preset(1280, 720);
    private static final RenditionPreset SD = preset(854, 480);
    private static final RenditionPreset LOW = preset(640, 360);
    private static final RenditionPreset COPY = new RenditionPreset(true, 1280, 720, 30, 4500, "cbr", 9000, "h264",
            "high", 60, 0, "aac", 128, 48000, 2);

    @Test
    void shouldStopTheEncoderOfTheMostRecentlyStartedDestinationsThatAreNotPriority() {
        List<Candidate> running = List.of(
                new Candidate("youtube", HD, true, 1),
                new Candidate("linkedin", SD, false, 2),
                new Candidate("x", LOW, false, 3));
        assertThat(OutputShedding.pick(running)).containsExactly("x");
    }

    @Test
    void shouldStopEveryDestinationOfTheChosenEncoderSinceOnlyThatFreesTheMachine() {
        List<Candidate> running = List.of(
                new Candidate("youtube", HD, true, 1),
                new Candidate("x", LOW, false, 2),
                new Candidate("linkedin", SD, false, 3),
                new Candidate("x-backup", LOW, false, 4));
        assertThat(OutputShedding.pick(running)).as("x-backup started last; x shares its encoder")
                .containsExactlyInAnyOrder("x", "x-backup");
    }

    @Test
    void shouldNeverStopAnEncoderThatFeedsAPriorityDestinationEvenIfItStartedLast() {
        List<Candidate> running = List.of(
                new Candidate("linkedin", SD, false, 1),
                new Candidate("youtube", HD, true, 2),
                new Candidate("x", SD, false, 3),
                new Candidate("twitch", HD, false, 4));
        assertThat(OutputShedding.pick(running)).as("twitch shares the priority destination's encoder")
                .containsExactlyInAnyOrder("linkedin", "x");

        assertThat(OutputShedding.pick(List.of(new Candidate("youtube", HD, true, 1),
                new Candidate("linkedin", SD, true, 2)))).as("every encoder feeds a priority destination").isEmpty();
    }

    @Test
    void shouldKeepTheLastEncoderAndNeverStopACopy() {
        assertThat(OutputShedding.pick(List.of(new Candidate("x", LOW, false, 1), new Candidate("y", LOW, false, 2))))
                .as("stopping the only encoder keeps nothing live").isEmpty();
        assertThat(OutputShedding.pick(List.of(new Candidate("youtube", HD, false, 1),
                new Candidate("copy", COPY, false, 2)))).as("a copy is no encoder, and costs nothing").isEmpty();
        assertThat(OutputShedding.pick(List.of(new Candidate("youtube", HD, false, 1), new Candidate("x", LOW, false, 2))))
                .as("without priority destinations the most recent goes first").containsExactly("x");
    }

    @Test
    void shouldHoldOffTheNextShedUntilTheEncodersLeftHadTheirWindow() {
        OutputShedding shedding = new OutputShedding();
        List<Candidate> three = List.of(new Candidate("youtube", HD, true, 1), new Candidate("linkedin", SD, false, 2),
                new Candidate("x", LOW, false, 3));
        assertThat(shedding.choose(100 * S, three)).containsExactly("x");
        List<Candidate> two = three.subList(0, 2);
        assertThat(shedding.choose(100 * S + OutputShedding.HOLD_OFF.toNanos() - S, two)).as("held off").isEmpty();
        assertThat(shedding.choose(100 * S + OutputShedding.HOLD_OFF.toNanos() + S, two)).containsExactly("linkedin");
        assertThat(shedding.choose(200 * S, List.of(three.getFirst()))).as("only the priority one is left").isEmpty();
    }

    private static RenditionPreset preset(int width, int height) {
        return new RenditionPreset(false, width, height, 30, 2500, "cbr", 5000, "h264", "main", 60, 0, "aac", 128,
                48000, 2);
    }
}
