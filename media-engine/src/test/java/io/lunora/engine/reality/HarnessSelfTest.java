package io.lunora.engine.reality;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.engine.program.SlatePicture;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reality harness measured on references with no engine between: a test that cannot fail
 * is a defect, so the slate detector must find nothing on a direct encoder-to-nginx recording and
 * find the engine's real slate picture; the lag and gap figures must be near zero there.
 * ({@link RealityTest} also cuts every source and expects the slate found.)
 */
class HarnessSelfTest {
    @TempDir
    Path folder;

    @Test
    void shouldFindNoSlateNoLagAndNoGapOnADirectEncoderToNginxRecording() {
        String key = "sk-direct";
        try (NginxRtmpReceivers nginx = NginxRtmpReceivers.start(folder.resolve("nginx"));
                FlvTail tail = FlvTail.follow(nginx.recording(key))) {
            long start = System.nanoTime();
            try (DebianFfmpegEncoder encoder = DebianFfmpegEncoder.publish(nginx.url() + "/" + key, "640x360", 30,
                    folder.resolve("encoder.log"))) {
                // 14 s of the encoder's media, not 12 s of wall time (CI once decoded exactly 10 s from that):
                // the decoder drops the recording's first GOP (2 s), and a busy machine slows the peer encoder
                RealityRig.await(Duration.ofSeconds(60), () -> tail.frames() >= 14 * 30, "14 s of frames at nginx");
            }
            long end = System.nanoTime();
            RecordingAnalysis recording = RecordingAnalysis.read(nginx.recording(key));
            Figures.note("harness reference (Debian FFmpeg -> nginx): %s; lag max %d ms, arrival gap max %d ms, load %.1f",
                    recording, tail.largestLagMs(start, end), tail.largestArrivalGapMs(start, end),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

            assertThat(recording.durationMs()).isGreaterThan(10_000);
            assertThat(recording.slateIntervals()).isEmpty();
            assertThat(recording.counts().get(Picture.PRIMARY)).isEqualTo(recording.frames().size());
            // the publisher is killed: its last frames before the kill (B-frames reordered) do not all reach nginx
            RecordingAnalysis beforeTheKill = recording.between(0, recording.frames().getLast().timestampMs() - 1000);
            assertThat(beforeTheKill.largestGapMs()).isLessThanOrEqualTo(40);
            // near zero with nothing between: up to 0.7 s of the MPEG-TS/FLV muxer's bursts, and what a
            // busy machine takes from the encoder itself (the engine's own lag bounds are in RealityTest)
            assertThat(tail.largestLagMs(start, end)).isBetween(0L, 3_000L);
            assertThat(nginx.publishes(key)).isEqualTo(1);
        }
    }

    @Test
    void shouldTellTheEnginesSlateFromTheSecondarysBars() throws Exception {
        Path slate = folder.resolve("slate.ts");
        List<String> slateCommand = new ArrayList<>(List.of(DebianFfmpegEncoder.BINARY));
        slateCommand.addAll(SlatePicture.arguments(1280, 720, 30).stream().filter(a -> !a.equals("-re")).toList());
        slateCommand.set(slateCommand.size() - 1, slate.toString());
        slateCommand.addAll(slateCommand.size() - 1, List.of("-t", "1"));
        run(slateCommand);
        RecordingAnalysis slateFrames = RecordingAnalysis.read(slate);
        assertThat(slateFrames.frames()).hasSizeGreaterThan(20);
        assertThat(slateFrames.counts()).containsOnlyKeys(Picture.SLATE);
        assertThat(slateFrames.slateIntervals()).hasSize(1);

        Path bars = folder.resolve("bars.ts");
        run(List.of("gst-launch-1.0", "-q", "videotestsrc", "num-buffers=30", "pattern=smpte", "!",
                "video/x-raw,format=I420,width=640,height=360,framerate=30/1", "!", "timeoverlay", "!", "x264enc", "!",
                "h264parse", "!", "mpegtsmux", "!", "filesink", "location=" + bars));
        assertThat(RecordingAnalysis.read(bars).counts()).containsOnlyKeys(Picture.SECONDARY);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("did not end within 60 s: " + command.getFirst());
        }
        assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
    }
}
