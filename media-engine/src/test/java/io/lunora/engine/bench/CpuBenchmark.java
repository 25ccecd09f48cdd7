package io.lunora.engine.bench;

import static io.lunora.engine.testing.ChannelBodies.channel;
import static io.lunora.engine.testing.ChannelBodies.output;
import static io.lunora.engine.testing.ChannelBodies.preset;

import io.lunora.engine.MediaEngineApplication;
import io.lunora.engine.ffmpeg.Ffmpeg;
import io.lunora.engine.testing.EngineApi;
import io.lunora.engine.testing.Media;
import io.lunora.model.identity.ServiceScopes;
import io.lunora.testing.FreePorts;
import io.lunora.testing.TestIssuer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Not a unit test: the engine's CPU cost per minute of streaming, for 1, 5 and 10 destinations
 * sharing one full-size rendition and for 3 distinct renditions. The engine runs as its own JVM;
 * its CPU and its FFmpeg children's come from /proc (utime + stime, plus what reaped children
 * left in the JVM's cutime/cstime). The source (a 1080p30 clip looped with {@code -c copy}) and
 * the RTMP receivers (copy to null) are not the engine's and are not counted. HLS and recording
 * are off so the figures are those of the destinations. Run it with {@code bench/engine-cpu.sh}.
 */
public final class CpuBenchmark {
    private static final String ORG = "org-bench";
    private static final String CHANNEL = "/internal/engine/channels/" + ORG;
    private static final String YOUTUBE = preset("youtube-1080p", "1920x1080", 30, 6000, "high", 2, 2);
    private static final String X = preset("x-720p", "1280x720", 30, 2500, "main", 2, 1);
    private static final String LINKEDIN = preset("linkedin-1080p", "1920x1080", 30, 4000, "high", 2, 2);
    private static final long TICKS = 100; // getconf CLK_TCK on Linux

    private final Ffmpeg ffmpeg = Media.ffmpeg();
    private final int seconds;
    private final Path work;

    private CpuBenchmark(int seconds, Path work) {
        this.seconds = seconds;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        Path work = Files.createTempDirectory("engine-bench");
        new CpuBenchmark(seconds, work).run();
    }

    private record Scenario(String name, List<String> presets) {
    }

    private void run() throws Exception {
        Path clip = work.resolve("source.ts");
        ffmpeg("-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=30",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "20",
                "-c:v", "libx264", "-preset", "veryfast", "-b:v", "6000k", "-maxrate", "6000k", "-bufsize", "12000k",
                "-g", "60", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k", "-f", "mpegts", clip.toString())
                .waitFor();
        List<Scenario> scenarios = List.of(new Scenario("channel only (ingest + slate)", List.of()),
                new Scenario("1 destination, 1 rendition (1080p30 6 Mbit/s)", List.of(YOUTUBE)),
                new Scenario("5 destinations sharing 1 rendition", java.util.Collections.nCopies(5, YOUTUBE)),
                new Scenario("10 destinations sharing 1 rendition", java.util.Collections.nCopies(10, YOUTUBE)),
                new Scenario("3 destinations on 3 renditions (1080p 6M, 720p 2.5M, 1080p 4M)",
                        List.of(YOUTUBE, X, LINKEDIN)));

        try (TestIssuer issuer = new TestIssuer()) {
            int port = FreePorts.next();
            Process engine = startEngine(issuer, port);
            try {
                EngineApi api = new EngineApi(port, issuer.serviceToken("lunora-bench", ServiceScopes.ENGINE + " " + ServiceScopes.METRICS));
                waitUntil(() -> reachable(api), Duration.ofSeconds(60));
                System.out.printf(Locale.ROOT, "%-62s %12s %12s %12s  %s%n", "scenario", "cpu-s/min", "engine JVM",
                        "FFmpeg", "encoder speed");
                for (Scenario scenario : scenarios) {
                    measure(scenario, api, engine, clip);
                }
            } finally {
                engine.destroy();
                engine.waitFor();
            }
        }
    }

    private void measure(Scenario scenario, EngineApi api, Process engine, Path clip) throws Exception {
        int srtPort = FreePorts.next();
        List<Process> helpers = new ArrayList<>();
        try {
            helpers.add(ffmpeg("-hide_banner", "-nostdin", "-loglevel", "error", "-re", "-stream_loop", "-1",
                    "-i", clip.toString(), "-c", "copy", "-muxdelay", "0", "-f", "mpegts",
                    "srt://127.0.0.1:" + srtPort + "?mode=caller&latency=200000&transtype=live"));
            check(api.put(CHANNEL, channel(ORG, "bench", "single", srtPort, null, false)));
            waitUntil(() -> "primary".equals(api.get(CHANNEL).json().path("on_air").asString()), Duration.ofSeconds(30));
            for (int i = 0; i < scenario.presets().size(); i++) {
                int rtmpPort = FreePorts.next();
                helpers.add(ffmpeg("-hide_banner", "-nostdin", "-loglevel", "error", "-listen", "1",
                        "-i", "rtmp://127.0.0.1:" + rtmpPort + "/live/bench-" + i, "-c", "copy", "-f", "null", "-"));
                Thread.sleep(300);
                check(api.put(CHANNEL + "/outputs/dest-" + i, output(scenario.presets().get(i),
                        "rtmp://127.0.0.1:" + rtmpPort + "/live", "bench-" + i)));
            }
            waitUntil(() -> api.get(CHANNEL).json().path("outputs").findValuesAsString("state").stream()
                    .allMatch("live"::equals), Duration.ofSeconds(60));
            Thread.sleep(10_000); // warm-up: encoders past their start
            long[] before = cpuTicks(engine);
            long start = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            long[] after = cpuTicks(engine);
            double window = (System.nanoTime() - start) / 1e9;
            List<String> states = api.get(CHANNEL).json().path("outputs").findValuesAsString("state");
            double perMinute = 60.0 / window / TICKS;
            System.out.printf(Locale.ROOT, "%-62s %12.1f %12.1f %12.1f  %s%s%n", scenario.name(),
                    (after[0] + after[1] - before[0] - before[1]) * perMinute, (after[0] - before[0]) * perMinute,
                    (after[1] - before[1]) * perMinute, speeds(api),
                    states.stream().allMatch("live"::equals) ? "" : "  (outputs: " + states + ")");
        } finally {
            api.delete(CHANNEL);
            for (Process helper : helpers) {
                helper.destroy();
                helper.waitFor();
            }
        }
    }

    /** The rendition encoders' speed (media time per wall time) from the engine's Prometheus gauges. */
    private static String speeds(EngineApi api) {
        String metrics = new String(api.download("/actuator/prometheus").body());
        return metrics.lines().filter(l -> l.startsWith("lunora_engine_child_speed") && l.contains("role=\"rendition\""))
                .map(l -> l.substring(l.lastIndexOf(' ') + 1)).collect(Collectors.joining(" "));
    }

    /** [engine JVM (with reaped children), live FFmpeg children] in clock ticks. */
    private static long[] cpuTicks(Process engine) throws IOException {
        long jvm = stat(engine.pid(), true);
        long children = 0;
        for (ProcessHandle child : engine.descendants().toList()) {
            children += stat(child.pid(), false);
        }
        return new long[] {jvm, children};
    }

    private static long stat(long pid, boolean withReaped) throws IOException {
        Path file = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.exists(file)) {
            return 0;
        }
        String text = Files.readString(file);
        String[] f = text.substring(text.lastIndexOf(')') + 2).split(" ");
        // fields after the command: state(0) ... utime(11) stime(12) cutime(13) cstime(14)
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return withReaped ? ticks + Long.parseLong(f[13]) + Long.parseLong(f[14]) : ticks;
    }

    private Process startEngine(TestIssuer issuer, int port) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                MediaEngineApplication.class.getName(), "--server.port=" + port,
                "--lunora.engine.data-dir=" + work.resolve("engine"), "--lunora.security.jwk-set-uri=" + issuer.jwkSetUri(),
                "--lunora.engine.hls.enabled=false")
                .redirectErrorStream(true).redirectOutput(work.resolve("engine.log").toFile()).start();
    }

    private Process ffmpeg(String... args) throws IOException {
        return ffmpeg.processBuilder(ffmpeg.command(List.of(args))).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(work.resolve("helpers.log").toFile()).start();
    }

    private static boolean reachable(EngineApi api) {
        try {
            return api.get(CHANNEL).status() == 200;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    private static void check(EngineApi.Answer answer) {
        if (answer.status() / 100 != 2) {
            throw new IllegalStateException("engine answered " + answer.status() + ": " + answer.body());
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not reached within " + limit);
            }
            Thread.sleep(250);
        }
    }
}
