package io.lunora.engine.reality;

import static io.lunora.engine.testing.ChannelBodies.channel;
import static io.lunora.engine.testing.ChannelBodies.output;
import static io.lunora.engine.testing.ChannelBodies.preset;

import io.lunora.engine.process.ChildPool;
import io.lunora.engine.testing.EngineApi;
import io.lunora.engine.testing.InProcessEngine;
import io.lunora.testing.FreePorts;
import io.lunora.testing.TestIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The real engine app with peers it did not write, as the reality test and the soak benchmark
 * use it: a channel in auto_failover (threshold 2 s, failback stay) whose primary is
 * {@link DebianFfmpegEncoder} and secondary {@link GstreamerEncoder} (both 640x360 at 30 fps),
 * outputs on the X-like preset (1280x720 30 fps 2.5 Mbit/s main, 2 s GOP, one B-frame) to one
 * {@link NginxRtmpReceivers}, HLS on (one 360p rung, to leave the 2-core machine some room),
 * recording off. The slate is 640x360 like the sources.
 */
public final class RealityRig implements AutoCloseable {
    public static final String ORG = "org-reality";
    public static final String CHANNEL = "/internal/engine/channels/" + ORG;
    public static final String X_PRESET = preset("x-720p", "1280x720", 30, 2500, "main", 2, 1);
    public static final String SMALL_PRESET = preset("small-360p", "640x360", 30, 800, "main", 2, 0);

    public final Path data;
    public final int primaryPort = FreePorts.next();
    public final int secondaryPort = FreePorts.next();
    public final NginxRtmpReceivers nginx;
    public final Map<String, FlvTail> tails = new LinkedHashMap<>();
    public final Map<String, PictureFollower> pictures = new LinkedHashMap<>();
    public final Map<String, String> keys = new LinkedHashMap<>();
    private final TestIssuer issuer = new TestIssuer();
    private final ConfigurableApplicationContext engine;
    public final EngineApi api;
    /** The encoders reach the engine through these: a real network's jitter and loss when impaired. */
    private final ImpairedLink primaryLink;
    private final ImpairedLink secondaryLink;
    public DebianFfmpegEncoder primary;
    public GstreamerEncoder secondary;
    private final List<Long> stoppedPids = new ArrayList<>();

    public RealityRig(Path data) {
        this.data = data;
        this.nginx = NginxRtmpReceivers.start(data.resolve("nginx"));
        this.engine = InProcessEngine.start(data.resolve("engine"), data.resolve("engine.log"), issuer,
                "--logging.level.io.lunora=DEBUG",
                "--lunora.engine.slate.width=640", "--lunora.engine.slate.height=360",
                "--lunora.engine.slate.frame-rate=30",
                "--lunora.engine.hls.frame-rate=30", "--lunora.engine.hls.segment-seconds=2",
                "--lunora.engine.hls.ladder[0].height=360", "--lunora.engine.hls.ladder[0].video-kbps=800",
                "--lunora.engine.hls.ladder[0].audio-kbps=64");
        this.api = InProcessEngine.api(engine, issuer);
        this.primaryLink = new ImpairedLink(RedialingProcess.engineHost(), primaryPort);
        this.secondaryLink = new ImpairedLink(RedialingProcess.engineHost(), secondaryPort);
    }

    /** Both encoders' datagrams to the engine delayed, reordered and lost as {@code impairment} says. */
    public void impairNetwork(ImpairedLink.Impairment impairment) {
        primaryLink.impair(impairment);
        secondaryLink.impair(impairment);
    }

    public void clearNetwork() {
        primaryLink.clear();
        secondaryLink.clear();
    }

    /** Datagrams the links passed to the engine and lost on the way, both inputs together. */
    public String networkFigures() {
        return (primaryLink.passed() + secondaryLink.passed()) + " datagrams passed, "
                + (primaryLink.lost() + secondaryLink.lost()) + " lost";
    }

    /** Starts the channel, the primary (on air first: in auto mode a standby live before it would take over), the secondary. */
    public void startChannel() {
        expect(api.put(CHANNEL, channelBody("session-reality")), 204);
        startPrimary();
        await(Duration.ofSeconds(30), () -> "primary".equals(status().path("on_air").asString()), "primary on air");
        startSecondary();
        await(Duration.ofSeconds(30), () -> inputConnected("secondary"), "secondary connected");
    }

    /** The session's body: auto failover between the rig's two listener inputs. */
    public String channelBody(String sessionId) {
        return channel(ORG, sessionId, "auto_failover", primaryPort, secondaryPort, false)
                .replace("\"host\":\"127.0.0.1\"", "\"host\":\"" + RedialingProcess.engineHost() + "\"");
    }

    public void startPrimary() {
        primary = DebianFfmpegEncoder.call(primaryLink.port(), "640x360", 30, data.resolve("primary.log"));
    }

    public void startSecondary() {
        secondary = GstreamerEncoder.call(secondaryLink.port(), 640, 360, 30, data.resolve("secondary.log"));
    }

    /** Starts an output to nginx on a key of its own, following its recording's pictures as they come. */
    public FlvTail startOutputWatched(String destination, String preset) {
        FlvTail tail = startOutput(destination, preset);
        pictures.put(destination, PictureFollower.follow(nginx.recording(keys.get(destination))));
        return tail;
    }

    /** Starts an output to nginx on a key of its own; its {@link FlvTail} follows its recording. */
    public FlvTail startOutput(String destination, String preset) {
        String key = "sk-reality-" + destination + "-" + Long.toHexString(System.nanoTime());
        keys.put(destination, key);
        expect(api.put(CHANNEL + "/outputs/" + destination, output(preset, nginx.url(), key)), 204);
        FlvTail tail = FlvTail.follow(nginx.recording(key));
        tails.put(destination, tail);
        return tail;
    }

    public void awaitRecording(Duration deadline) {
        await(deadline, () -> tails.values().stream().allMatch(t -> t.frames() > 30), "every receiver recording");
    }

    public JsonNode status() {
        EngineApi.Answer answer = api.get(CHANNEL);
        expect(answer, 200);
        return answer.json();
    }

    public boolean inputConnected(String input) {
        for (JsonNode i : status().path("inputs")) {
            if (input.equals(i.path("input").asString())) {
                return i.path("connected").asBoolean();
            }
        }
        return false;
    }

    public List<Long> childPids() {
        return engine.getBean(ChildPool.class).pids();
    }

    /** The real path of the engine's FFmpeg, to tell its children from the peers' Debian FFmpeg. */
    public String engineFfmpeg() {
        try {
            return io.lunora.engine.testing.Media.ffmpeg().ffmpeg().toRealPath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGSTOPs a child; {@link #close()} SIGKILLs it if the engine left it. */
    public void freeze(long pid) {
        stoppedPids.add(pid);
        EngineChildren.signal(pid, "STOP");
    }

    public static void await(Duration deadline, BooleanSupplier condition, String what) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + deadline.toSeconds() + " s: " + what);
            }
            sleep(Duration.ofMillis(100));
        }
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void expect(EngineApi.Answer answer, int status) {
        if (answer.status() != status) {
            throw new AssertionError("engine answered " + answer.status() + ": " + answer.body());
        }
    }

    @Override
    public void close() {
        for (AutoCloseable peer : new AutoCloseable[] {primary, secondary, primaryLink, secondaryLink}) {
            if (peer != null) {
                try {
                    peer.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        tails.values().forEach(FlvTail::close);
        pictures.values().forEach(PictureFollower::close);
        // a child the engine failed to end must not outlive the test
        stoppedPids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        try {
            engine.close();
        } finally {
            EngineChildren.childrenRunning(engineFfmpeg()).forEach(pid -> ProcessHandle.of(pid)
                    .ifPresent(ProcessHandle::destroyForcibly));
            nginx.close();
            issuer.close();
        }
    }

    static Path tempFolder(String name) {
        try {
            return Files.createTempDirectory(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }
}
