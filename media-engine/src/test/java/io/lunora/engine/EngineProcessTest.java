package io.lunora.engine;

import static io.lunora.engine.testing.ChannelBodies.channel;
import static io.lunora.engine.testing.ChannelBodies.output;
import static io.lunora.engine.testing.ChannelBodies.preset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.engine.testing.EngineApi;
import io.lunora.engine.testing.RtmpReceiver;
import io.lunora.engine.testing.TestSource;
import io.lunora.model.identity.ServiceClient;
import io.lunora.testing.FreePorts;
import io.lunora.testing.TestIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine as a real process (a JVM started from the test classpath): after a normal stop of a
 * channel, after {@code kill -9} of the engine and a restart, and after a graceful shutdown, no
 * FFmpeg it started is left running.
 */
class EngineProcessTest {
    private static final String ORG = "org-proc";
    private static final String CHANNEL = "/internal/engine/channels/" + ORG;

    @TempDir
    Path data;
    private final TestIssuer issuer = new TestIssuer();
    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : cleanup.reversed()) {
            c.close();
        }
        issuer.close();
    }

    @Test
    void shouldLeaveNoFfmpegBehindAfterAStopAKillAndAShutdown() {
        int srtPort = FreePorts.next();
        int rtmpPort = FreePorts.next();
        TestSource source = TestSource.call(srtPort);
        cleanup.add(source);

        Engine first = startEngine(1);
        List<Long> running = startChannel(first, srtPort, rtmpPort, 1);
        assertThat(running).hasSizeGreaterThanOrEqualTo(5); // ingest, slate, HLS, rendition, pusher
        assertThat(first.api().delete(CHANNEL).status()).isEqualTo(204);
        assertThat(running).noneMatch(EngineProcessTest::alive);
        assertThat(ffmpegChildren(first.process())).isEmpty();

        List<Long> orphans = startChannel(first, srtPort, rtmpPort, 2);
        first.process().destroyForcibly(); // kill -9: no shutdown hook runs
        await().atMost(Duration.ofSeconds(10)).until(() -> !first.process().isAlive());

        Engine second = startEngine(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> orphans.stream().noneMatch(EngineProcessTest::alive));

        List<Long> last = startChannel(second, srtPort, rtmpPort, 3);
        second.process().destroy(); // SIGTERM: a graceful shutdown stops every channel
        await().atMost(Duration.ofSeconds(30)).until(() -> !second.process().isAlive());
        assertThat(last).noneMatch(EngineProcessTest::alive);
    }

    /** Starts a channel with one output and returns the pids of the engine's FFmpeg children. */
    private record Engine(Process process, EngineApi api) {
    }

    private List<Long> startChannel(Engine engine, int srtPort, int rtmpPort, int round) {
        EngineApi api = engine.api();
        RtmpReceiver receiver = RtmpReceiver.listen(rtmpPort, "proc-key-" + round, data.resolve("r" + round + ".flv"));
        cleanup.add(receiver);
        assertThat(api.put(CHANNEL, channel(ORG, "s" + round, "single", srtPort, null, true)).status()).isEqualTo(204);
        assertThat(api.put(CHANNEL + "/outputs/dest-1", output(preset("p", "320x180", 25, 300, "main", 2, 0),
                RtmpReceiver.url(rtmpPort), "proc-key-" + round)).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(40)).until(
                () -> api.get(CHANNEL).json().path("outputs").path(0).path("state").asString().equals("live"));
        await().atMost(Duration.ofSeconds(10)).until(receiver::publishedOnItsKey);
        return ffmpegChildren(engine.process());
    }

    private Engine startEngine(int round) {
        int port = FreePorts.next();
        String java = ProcessHandle.current().info().command().orElseThrow();
        try {
            Process engine = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    MediaEngineApplication.class.getName(), "--server.port=" + port, "--lunora.engine.data-dir=" + data,
                    "--lunora.security.jwk-set-uri=" + issuer.jwkSetUri(), "--lunora.engine.stop-grace=2s",
                    "--lunora.engine.slate.width=320", "--lunora.engine.slate.height=180",
                    "--lunora.engine.hls.ladder[0].height=180", "--lunora.engine.hls.ladder[0].video-kbps=300",
                    "--lunora.engine.hls.ladder[0].audio-kbps=64")
                    .redirectErrorStream(true).redirectOutput(data.resolve("engine-" + round + ".log").toFile()).start();
            cleanup.add(engine::destroyForcibly);
            EngineApi api = new EngineApi(port, issuer.serviceToken(ServiceClient.STREAMING_CONTROL));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                assertThat(engine.isAlive()).isTrue();
                try {
                    return api.get(CHANNEL).status() == 200;
                } catch (UncheckedIOException notYet) {
                    return false;
                }
            });
            return new Engine(engine, api);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Long> ffmpegChildren(Process engine) {
        return engine.descendants().filter(p -> p.info().command().map(c -> c.endsWith("ffmpeg")).orElse(false))
                .map(ProcessHandle::pid).toList();
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
