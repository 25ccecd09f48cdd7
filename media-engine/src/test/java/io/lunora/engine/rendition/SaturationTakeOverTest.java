package io.lunora.engine.rendition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.engine.testing.Media;
import io.lunora.engine.testing.ProgramChain;
import io.lunora.engine.testing.Stalls;
import io.lunora.engine.testing.TestSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An encoder started on a machine whose other encoder had to go to the fastest x264 step starts
 * at that step itself: real encoders, built the way the channel builds them, sharing the engine's
 * one {@link RecentSaturation}. The first one is made to fall behind for certain by stopping its
 * FFmpeg (SIGSTOP) for 1.5 s at a time: its pipe skips to the live edge, as on a saturated machine.
 */
class SaturationTakeOverTest {
    private static final RenditionPreset FIRST = new RenditionPreset(false, 320, 180, 25, 300, "cbr", 600,
            "h264", "main", 50, 0, "aac", 64, 48000, 2);
    private static final RenditionPreset SECOND = new RenditionPreset(false, 256, 144, 25, 200, "cbr", 400,
            "h264", "main", 50, 0, "aac", 64, 48000, 2);

    @TempDir
    Path data;

    @Test
    void shouldStartASecondEncoderAtTheFastestStepWhenTheFirstOneNeededIt() throws InterruptedException {
        RecentSaturation machine = new RecentSaturation();
        try (ProgramChain chain = new ProgramChain(data); TestSource source = TestSource.call(chain.port)) {
            RenditionEncoder first = new RenditionEncoder(FIRST, Media.ffmpeg(), chain.pool, chain.bus,
                    new SimpleMeterRegistry(), machine, () -> { });
            first.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> first.progress().outTimeMicros() > 1_000_000);
            ProcessHandle slow = encoderOf(FIRST, "veryfast").orElseThrow();
            assertThat(new RenditionEncoder(SECOND, Media.ffmpeg(), chain.pool, chain.bus, new SimpleMeterRegistry(),
                    machine, () -> { }).status().x264Preset()).as("nothing needed yet").isEqualTo("veryfast");

            long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
            while (!"ultrafast".equals(first.status().x264Preset()) && System.nanoTime() < deadline) {
                Stalls.fallBehind(slow);
            }
            assertThat(first.status().x264Preset()).as("the first one went to the fastest step").isEqualTo("ultrafast");

            RenditionEncoder second = new RenditionEncoder(SECOND, Media.ffmpeg(), chain.pool, chain.bus,
                    new SimpleMeterRegistry(), machine, () -> { });
            try {
                assertThat(second.status().x264Preset()).isEqualTo("ultrafast");
                assertThat(second.status().degraded()).isTrue();
                second.start();
                await().atMost(Duration.ofSeconds(20)).until(() -> second.progress().outTimeMicros() > 1_000_000);
                assertThat(encoderOf(SECOND, "ultrafast")).as("its FFmpeg runs x264 ultrafast from the start").isPresent();
                assertThat(encoderOf(SECOND, "veryfast")).isEmpty();
            } finally {
                second.close();
                first.close();
            }
        }
    }

    /** The rendition's FFmpeg running at this x264 preset (its scale filter names the preset's size). */
    private static Optional<ProcessHandle> encoderOf(RenditionPreset preset, String x264) {
        String scale = "scale=" + preset.width() + ":" + preset.height();
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).filter(p -> {
            List<String> args = p.info().arguments().map(Arrays::asList).orElse(List.of());
            int at = args.indexOf("-preset");
            return at >= 0 && at + 1 < args.size() && x264.equals(args.get(at + 1))
                    && args.stream().anyMatch(a -> a.startsWith(scale));
        }).findFirst();
    }
}
