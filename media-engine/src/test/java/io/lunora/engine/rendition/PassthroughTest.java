package io.lunora.engine.rendition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.engine.testing.Media;
import io.lunora.engine.testing.Probe;
import io.lunora.engine.testing.ProgramChain;
import io.lunora.engine.testing.TestSource;
import io.lunora.model.media.SwitchEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PassthroughTest {
    /** Declares the test source's own format; its bitrate, profile and GOP would only be used to encode. */
    private static final RenditionPreset COPY = new RenditionPreset(true, 320, 180, 25, 800, "cbr", 1600, "h264",
            "high", 50, 2, "aac", 128, 48000, 1);

    @TempDir
    Path data;

    @Test
    void shouldFindTheSourcesFormatOnTheProgramAndCopyItUnchangedWhenItFits() throws IOException {
        Path file = data.resolve("copy.ts");
        try (ProgramChain chain = new ProgramChain(data); TestSource source = TestSource.call(chain.port);
                OutputStream out = Files.newOutputStream(file)) {
            await().atMost(Duration.ofSeconds(15)).until(() -> SwitchEvent.PRIMARY.equals(chain.switcher.onAir()));

            SourceFormat format = new SourceProbe(Media.ffmpeg(), Duration.ofSeconds(5)).probe(chain.bus).orElseThrow();

            assertThat(format).isEqualTo(new SourceFormat("h264", 320, 180, 25, "aac", 48000, 1));
            assertThat(COPY.fits(format)).isTrue();
            RenditionEncoder copy = new RenditionEncoder(COPY, Media.ffmpeg(), chain.pool, chain.bus,
                    new SimpleMeterRegistry(), new RecentSaturation(), () -> { });
            copy.output().addReader(packet -> {
                try {
                    out.write(packet);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            copy.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> copy.progress().outTimeMicros() > 4_000_000);
            copy.close();
        }

        // the test source's x264 "ultrafast" makes Constrained Baseline: an encode to the preset would be High
        Probe probe = Probe.video(file);
        assertThat(probe).extracting(Probe::codec, Probe::profile, Probe::width, Probe::height)
                .containsExactly("h264", "Constrained Baseline", 320, 180);
        assertThat(probe.frameRate()).isCloseTo(25, Offset.offset(0.5));
        assertThat(probe.packets()).hasSizeGreaterThan(50);
    }

    @Test
    void shouldReadTheFirstVideoAndAudioStreamOfFfprobesAnswer() {
        String flat = """
                streams.stream.0.codec_name="hevc"
                streams.stream.0.codec_type="video"
                streams.stream.0.width=1920
                streams.stream.0.height=1080
                streams.stream.0.r_frame_rate="30000/1001"
                streams.stream.1.codec_name="aac"
                streams.stream.1.codec_type="audio"
                streams.stream.1.sample_rate="44100"
                streams.stream.1.channels=2
                """;

        assertThat(SourceProbe.parse(flat)).hasValueSatisfying(f -> {
            assertThat(f).extracting(SourceFormat::videoCodec, SourceFormat::width, SourceFormat::height,
                    SourceFormat::audioCodec, SourceFormat::sampleRateHz, SourceFormat::channels)
                    .containsExactly("hevc", 1920, 1080, "aac", 44100, 2);
            assertThat(f.fps()).isCloseTo(29.97, Offset.offset(0.01));
        });
        assertThat(SourceProbe.parse(flat.lines().filter(l -> l.contains(".1.")).reduce("", (a, b) -> a + b + "\n")))
                .isEmpty();
    }
}
