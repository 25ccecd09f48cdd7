package io.lunora.engine.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.engine.ffmpeg.Ffmpeg;
import io.lunora.engine.process.ChildPool;
import io.lunora.engine.process.ChildRegistry;
import io.lunora.engine.process.Redactor;
import io.lunora.engine.rendition.Rendition;
import io.lunora.engine.rendition.RecentSaturation;
import io.lunora.engine.rendition.RenditionEncoder;
import io.lunora.engine.rendition.RenditionPreset;
import io.lunora.engine.rendition.TsFanOut;
import io.lunora.engine.testing.Media;
import io.lunora.engine.testing.ProgramChain;
import io.lunora.engine.testing.Probe;
import io.lunora.engine.testing.RtmpReceiver;
import io.lunora.engine.testing.TestSource;
import io.lunora.model.media.OutputState;
import io.lunora.model.media.OutputStatus;
import io.lunora.model.media.PublishTarget;
import io.lunora.testing.FreePorts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PusherTest {
    private static final String KEY = "live-key-7f3a9c2e";
    private static final RenditionPreset PRESET = new RenditionPreset(false, 320, 180, 25, 300, "cbr", 600,
            "h264", "main", 50, 0, "aac", 64, 48000, 2);

    @TempDir
    Path data;

    @Test
    void shouldRetryAFailedPushWithBackoffAndLeaveTheOtherDestinationUntouched() {
        int portA = FreePorts.next();
        int portB = FreePorts.next();
        List<OutputStatus> changesA = new CopyOnWriteArrayList<>();
        try (ProgramChain chain = new ProgramChain(data); TestSource source = TestSource.call(chain.port)) {
            RenditionEncoder rendition = new RenditionEncoder(PRESET, Media.ffmpeg(), chain.pool, chain.bus,
                    new SimpleMeterRegistry(), new RecentSaturation(), () -> { });
            rendition.start();
            RtmpReceiver receiverA = RtmpReceiver.listen(portA, KEY, data.resolve("a1.flv"));
            RtmpReceiver receiverB = RtmpReceiver.listen(portB, "other-key-0001", data.resolve("b.flv"));
            Pusher a = new Pusher("dest-a", local(RtmpReceiver.url(portA), KEY), rendition, Media.ffmpeg(),
                    chain.pool, chain.redactor, new SimpleMeterRegistry(), 20, changesA::add);
            Pusher b = new Pusher("dest-b", local(RtmpReceiver.url(portB), "other-key-0001"), rendition,
                    Media.ffmpeg(), chain.pool, chain.redactor, new SimpleMeterRegistry(), 20, s -> { });
            a.start();
            b.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> a.status().state() == OutputState.LIVE
                    && b.status().state() == OutputState.LIVE);

            receiverA.kill();

            await().atMost(Duration.ofSeconds(15)).until(() -> a.status().state() == OutputState.RETRYING);
            RtmpReceiver again = RtmpReceiver.listen(portA, KEY, data.resolve("a2.flv"));
            await().atMost(Duration.ofSeconds(8)).until(() -> a.status().state() == OutputState.LIVE);
            assertThat(changesA).extracting(OutputStatus::state).containsSubsequence(OutputState.CONNECTING,
                    OutputState.LIVE, OutputState.RETRYING, OutputState.CONNECTING, OutputState.LIVE);
            assertThat(changesA).extracting(OutputStatus::lastError).filteredOn(java.util.Objects::nonNull).isNotEmpty()
                    .allSatisfy(e -> assertThat(e).doesNotContain(KEY));
            assertThat(b.status().state()).isEqualTo(OutputState.LIVE);
            assertThat(b.status().attempts()).isZero();

            a.stop();
            b.stop();
            assertThat(a.status().state()).isEqualTo(OutputState.STOPPED);
            again.close();
            receiverB.close();
            assertThat(List.of(receiverA, again, receiverB)).allMatch(RtmpReceiver::publishedOnItsKey);
            Probe restarted = Probe.video(again.recording());
            assertThat(restarted.packets()).isNotEmpty();
            assertThat(restarted.packets().getFirst().keyframe()).isTrue();
            assertThat(Probe.video(receiverB.recording()).largestFrameGap()).isLessThan(Duration.ofMillis(500));
        }
    }

    @Test
    void shouldPushH265OverEnhancedRtmp() {
        RenditionPreset hevc = new RenditionPreset(false, 256, 144, 15, 200, "cbr", 400, "h265", "main", 30, 0, "aac",
                64, 48000, 2);
        int port = FreePorts.next();
        try (ProgramChain chain = new ProgramChain(data); TestSource source = TestSource.call(chain.port)) {
            RenditionEncoder rendition = new RenditionEncoder(hevc, Media.ffmpeg(), chain.pool, chain.bus,
                    new SimpleMeterRegistry(), new RecentSaturation(), () -> { });
            rendition.start();
            RtmpReceiver receiver = RtmpReceiver.listen(port, "hevc-key-0001", data.resolve("hevc.flv"));
            Pusher pusher = new Pusher("dest-hevc", local(RtmpReceiver.url(port), "hevc-key-0001"), rendition,
                    Media.ffmpeg(), chain.pool, chain.redactor, new SimpleMeterRegistry(), 3, s -> { });
            pusher.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> pusher.status().state() == OutputState.LIVE
                    && pusher.progress().outTimeMicros() > 4_000_000);
            pusher.stop();
            receiver.close();

            assertThat(receiver.publishedOnItsKey()).isTrue();
            Probe probe = Probe.video(receiver.recording());
            assertThat(probe).extracting(Probe::codec, Probe::width, Probe::height).containsExactly("hevc", 256, 144);
            assertThat(probe.packets().getFirst().keyframe()).isTrue();
        }
    }

    @Test
    void shouldStartAtOnceOnARenditionWhoseFirstAudioComesHalfASecondAfterItsKeyframe() throws Exception {
        // 0.5 s of 6 Mbit/s (about 370 kB) before the first audio packet: past a 200 kB probe, as
        // MediaLive-sized renditions reach the relay from a muxer that writes each frame whole
        Path clip = data.resolve("late-audio.ts");
        Ffmpeg ffmpeg = Media.ffmpeg();
        assertThat(ffmpeg.processBuilder(ffmpeg.command(List.of("-hide_banner", "-loglevel", "error",
                "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25", "-itsoffset", "0.5",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "4", "-c:v", "libx264",
                "-preset", "ultrafast", "-b:v", "6000k", "-minrate", "6000k", "-maxrate", "6000k", "-bufsize", "6000k",
                "-x264-params", "nal-hrd=cbr", "-g", "50", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "64k",
                "-f", "mpegts", clip.toString()))).start().waitFor()).isZero();
        TsFanOut stream = new TsFanOut();
        Rendition rendition = new Rendition() {
            @Override
            public String label() {
                return "late-audio";
            }

            @Override
            public TsFanOut output() {
                return stream;
            }
        };
        int port = FreePorts.next();
        List<OutputStatus> changes = new CopyOnWriteArrayList<>();
        Redactor redactor = new Redactor();
        try (ChildPool pool = new ChildPool(redactor, Duration.ofSeconds(2), new ChildRegistry(data.resolve("pids")))) {
            RtmpReceiver receiver = RtmpReceiver.listen(port, KEY, data.resolve("late.flv"));
            Pusher pusher = new Pusher("dest-late", local(RtmpReceiver.url(port), KEY), rendition, ffmpeg, pool,
                    redactor, new SimpleMeterRegistry(), 3, changes::add);
            pusher.start(); // joins at the clip's first keyframe
            Process player = ffmpeg.processBuilder(ffmpeg.command(List.of("-hide_banner", "-loglevel", "error", "-re",
                    "-i", clip.toString(), "-c", "copy", "-muxdelay", "0", "-f", "mpegts", "pipe:1")))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (InputStream ts = player.getInputStream()) {
                byte[] packet;
                while ((packet = ts.readNBytes(188)).length == 188) {
                    stream.publish(packet);
                }
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> pusher.status().state() == OutputState.LIVE);
            pusher.stop();
            receiver.close();

            assertThat(changes).extracting(OutputStatus::state).containsExactly(OutputState.CONNECTING, OutputState.LIVE,
                    OutputState.STOPPED);
            assertThat(receiver.publishedOnItsKey()).isTrue();
            assertThat(Probe.video(receiver.recording()).packets().getFirst().keyframe()).isTrue();
        }
    }

    /** The receivers listen on 127.0.0.1: the address the engine's guard would have vetted. */
    private static PublishEndpoint local(String url, String key) {
        return new PublishEndpoint(new PublishTarget(url, key), InetAddress.getLoopbackAddress());
    }
}
