package io.lunora.engine.rendition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.engine.ingest.SrtInput;
import io.lunora.engine.ingest.SrtInputSettings;
import io.lunora.engine.process.ChildPool;
import io.lunora.engine.process.ChildRegistry;
import io.lunora.engine.process.Redactor;
import io.lunora.engine.program.ProgramBus;
import io.lunora.engine.program.Slate;
import io.lunora.engine.program.Switcher;
import io.lunora.engine.program.SwitcherSettings;
import io.lunora.engine.testing.Media;
import io.lunora.engine.testing.Probe;
import io.lunora.engine.testing.TestSource;
import io.lunora.model.media.FailbackPolicy;
import io.lunora.model.media.RedundancyMode;
import io.lunora.model.media.SwitchEvent;
import io.lunora.testing.FreePorts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenditionEncoderTest {
    private static final RenditionPreset SMALL_MAIN = new RenditionPreset(false, 640, 360, 25, 600, "cbr", 1200,
            "h264", "main", 50, 2, "aac", 96, 48000, 2);
    private static final RenditionPreset TINY_BASELINE = new RenditionPreset(false, 320, 180, 15, 250, "cbr", 500,
            "h264", "baseline", 30, 0, "aac", 64, 44100, 1);

    @TempDir
    Path data;
    private ChildPool pool;
    private Switcher switcher;

    @AfterEach
    void stop() {
        switcher.close();
        pool.close();
    }

    @Test
    void shouldEncodeTheProgramToEachPresetsResolutionRateProfileGopAndBitrate() throws IOException {
        pool = new ChildPool(new Redactor(), Duration.ofSeconds(2), new ChildRegistry(data.resolve("children.pids")));
        ProgramBus bus = new ProgramBus();
        switcher = new Switcher("test", SwitcherSettings.of(RedundancyMode.SINGLE, Duration.ofSeconds(2),
                FailbackPolicy.STAY, Duration.ofSeconds(5)), bus, e -> { });
        int port = FreePorts.next();
        SrtInput input = new SrtInput(new SrtInputSettings(SwitchEvent.PRIMARY, true, "127.0.0.1", port, 120, null, null, null),
                Media.ffmpeg(), pool, switcher, Duration.ofMillis(200));
        switcher.attach(SwitchEvent.PRIMARY, input);
        input.start();
        new Slate(320, 180, 25, Media.ffmpeg(), pool, switcher).start();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RenditionEncoder main = new RenditionEncoder(SMALL_MAIN, Media.ffmpeg(), pool, bus, registry,
                new RecentSaturation(), () -> { });
        RenditionEncoder baseline = new RenditionEncoder(TINY_BASELINE, Media.ffmpeg(), pool, bus, registry,
                new RecentSaturation(), () -> { });
        Path mainFile = data.resolve("main.ts");
        Path baselineFile = data.resolve("baseline.ts");

        try (TestSource source = TestSource.call(port, "640x360", 25, null);
                OutputStream mainOut = Files.newOutputStream(mainFile);
                OutputStream baselineOut = Files.newOutputStream(baselineFile)) {
            await().atMost(Duration.ofSeconds(15)).until(() -> SwitchEvent.PRIMARY.equals(switcher.onAir()));
            main.output().addReader(writeTo(mainOut));
            baseline.output().addReader(writeTo(baselineOut));
            main.start();
            baseline.start();
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> main.progress().outTimeMicros() > 16_000_000 && baseline.progress().outTimeMicros() > 16_000_000);
            assertThat(main.progress().fps()).isGreaterThan(20);
            assertThat(registry.get("lunora.engine.child.fps").tag("name", SMALL_MAIN.label()).gauge().value()).isPositive();
        }
        main.close();
        baseline.close();

        Probe mainProbe = Probe.video(mainFile);
        assertThat(mainProbe).extracting(Probe::codec, Probe::profile, Probe::width, Probe::height)
                .containsExactly("h264", "Main", 640, 360);
        assertThat(mainProbe.frameRate()).isCloseTo(25, org.assertj.core.data.Offset.offset(0.5));
        assertThat(mainProbe.keyframeIntervals()).isNotEmpty().allSatisfy(i -> assertThat(i).isCloseTo(2.0,
                org.assertj.core.data.Offset.offset(0.05)));
        assertThat(mainProbe.averageKbps(2)).isCloseTo(600, org.assertj.core.data.Percentage.withPercentage(15));

        Probe baselineProbe = Probe.video(baselineFile);
        assertThat(baselineProbe).extracting(Probe::codec, Probe::profile, Probe::width, Probe::height)
                .containsExactly("h264", "Constrained Baseline", 320, 180);
        assertThat(baselineProbe.frameRate()).isCloseTo(15, org.assertj.core.data.Offset.offset(0.5));
        assertThat(baselineProbe.keyframeIntervals()).isNotEmpty().allSatisfy(i -> assertThat(i).isCloseTo(2.0,
                org.assertj.core.data.Offset.offset(0.05)));
        assertThat(baselineProbe.averageKbps(2)).isCloseTo(250, org.assertj.core.data.Percentage.withPercentage(15));
    }

    private static Consumer<byte[]> writeTo(OutputStream out) {
        return packet -> {
            try {
                out.write(packet);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
