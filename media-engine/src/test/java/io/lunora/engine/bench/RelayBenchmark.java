package io.lunora.engine.bench;

import static io.lunora.engine.testing.ChannelBodies.output;
import static io.lunora.engine.testing.ChannelBodies.preset;
import static org.awaitility.Awaitility.await;

import io.lunora.engine.MediaEngineApplication;
import io.lunora.engine.ffmpeg.Ffmpeg;
import io.lunora.engine.testing.EngineApi;
import io.lunora.engine.testing.Media;
import io.lunora.model.identity.ServiceScopes;
import io.lunora.testing.FreePorts;
import io.lunora.testing.TestIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;

/**
 * Not a unit test (the name keeps it out of surefire, like {@link CpuBenchmark}): the relay's
 * cost (media-engine in relay mode, the fan-out tier behind MediaLive) for 1, 5, 10 and 20
 * destinations spread over two renditions. FFmpeg callers play MediaLive: a 1080p30 6 Mbit/s and
 * a 720p30 3 Mbit/s H.264 + AAC MPEG-TS, encoded once to files and sent with {@code -re
 * -stream_loop -1 -c copy} over SRT with AES-256 and 500 ms latency, as MediaLive's relay outputs
 * are configured. The relay runs as its own JVM, with the heap the Fargate task's image gives it;
 * its CPU and its FFmpeg children's come from /proc (utime + stime, plus what reaped children
 * left in the JVM's cutime/cstime), its memory is the resident set (RSS and PSS) of the JVM and
 * its children, sampled every second. The callers and the RTMP receivers (copy to null) are not
 * the relay's and are not counted. Run it with {@code bench/relay-cpu.sh}.
 */
public final class RelayBenchmark {
    private static final String ORG = "org-bench";
    private static final String RELAY = "/internal/engine/relays/" + ORG;
    private static final String CHANNEL = "/internal/engine/channels/" + ORG;
    private static final String PASSPHRASE = "bench-relay-passphrase-7f3a";
    private static final int LATENCY_MS = 500; // lunora.medialive.relay.latency-ms default
    private static final long TICKS = 100; // getconf CLK_TCK on Linux
    private static final List<Source> SOURCES = List.of(
            new Source("youtube-1080p", "1920x1080", 6000, preset("youtube-1080p", "1920x1080", 30, 6000, "high", 2, 2)),
            new Source("x-720p", "1280x720", 3000, preset("x-720p", "1280x720", 30, 3000, "main", 2, 1)));

    private final Ffmpeg ffmpeg = Media.ffmpeg();
    private final int seconds;
    private final List<String> jvmOptions;
    private final Path work;

    private RelayBenchmark(int seconds, List<String> jvmOptions, Path work) {
        this.seconds = seconds;
        this.jvmOptions = jvmOptions;
        this.work = work;
    }

    /** Arguments: seconds per scenario (60), then the relay JVM's options (-Xmx1536m: 75% of a 2 GB task). */
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        List<String> jvmOptions = args.length > 1 ? List.of(args).subList(1, args.length) : List.of("-Xmx1536m");
        Path work = Files.createTempDirectory("relay-bench");
        new RelayBenchmark(seconds, jvmOptions, work).run();
    }

    /** One rendition as MediaLive would send it: the preset it was encoded with and its clip. */
    private record Source(String presetId, String size, int videoKbps, String preset) {
    }

    private void run() throws Exception {
        List<Path> clips = new ArrayList<>();
        for (Source source : SOURCES) {
            clips.add(encode(source));
        }
        System.out.println("relay JVM options: " + String.join(" ", jvmOptions) + "; work files: " + work);
        try (TestIssuer issuer = new TestIssuer()) {
            int port = FreePorts.next();
            int firstRelayPort = udpRange(SOURCES.size());
            Process relay = startRelay(issuer, port, firstRelayPort);
            try {
                EngineApi api = new EngineApi(port, issuer.serviceToken("lunora-bench", ServiceScopes.ENGINE + " " + ServiceScopes.METRICS));
                waitUntil(() -> reachable(api), Duration.ofSeconds(90));
                System.out.printf(Locale.ROOT, "%-44s %9s %8s %8s %8s %8s %8s %8s %8s %9s %6s  %s%n", "scenario",
                        "cpu-s/min", "JVM", "FFmpeg", "RSS MB", "peak MB", "PSS MB", "JVM MB", "heap MB", "out Mb/s",
                        "load", "pusher speed");
                for (int destinations : new int[] {0, 1, 5, 10, 20}) {
                    measure(destinations, api, relay, clips);
                }
            } finally {
                relay.destroy();
                relay.waitFor();
            }
        }
    }

    private Path encode(Source source) throws Exception {
        Path clip = work.resolve(source.presetId() + ".ts");
        int kbps = source.videoKbps();
        Process encoder = ffmpeg("-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i",
                "testsrc2=size=" + source.size() + ":rate=30", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                "-t", "20", "-c:v", "libx264", "-preset", "veryfast", "-b:v", kbps + "k", "-maxrate", kbps + "k",
                "-bufsize", 2 * kbps + "k", "-g", "60", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k",
                "-f", "mpegts", clip.toString());
        if (encoder.waitFor() != 0) {
            throw new IllegalStateException("encoding " + clip + " failed: see " + work.resolve("helpers.log"));
        }
        return clip;
    }

    private void measure(int destinations, EngineApi api, Process relay, List<Path> clips) throws Exception {
        List<Process> helpers = new ArrayList<>();
        List<Caller> callers = new ArrayList<>();
        try {
            JsonNode renditions = check(api.put(RELAY, relayBody())).json().path("renditions");
            for (int r = 0; r < SOURCES.size(); r++) {
                callers.add(new Caller(clips.get(r), portOf(renditions, SOURCES.get(r).presetId())));
            }
            waitUntil(() -> api.get(CHANNEL).json().path("inputs").findValues("connected").stream()
                    .allMatch(JsonNode::asBoolean), Duration.ofSeconds(60));
            for (int i = 0; i < destinations; i++) {
                int rtmpPort = FreePorts.next();
                helpers.add(ffmpeg("-hide_banner", "-nostdin", "-loglevel", "error", "-listen", "1",
                        "-i", "rtmp://127.0.0.1:" + rtmpPort + "/live/bench-" + i, "-c", "copy", "-f", "null", "-"));
                waitUntil(() -> tcpListening(rtmpPort), Duration.ofSeconds(10));
                check(api.put(CHANNEL + "/outputs/dest-" + i, output(SOURCES.get(i % SOURCES.size()).preset(),
                        "rtmp://127.0.0.1:" + rtmpPort + "/live", "bench-" + i)));
            }
            try {
                waitUntil(() -> outputStates(api).stream().allMatch("live"::equals), Duration.ofSeconds(90));
            } catch (ConditionTimeoutException notLive) {
                throw new IllegalStateException("outputs not live within 90 s: " + api.get(CHANNEL).body(), notLive);
            }
            Thread.sleep(10_000); // warm-up: every pusher past its start
            long[] before = cpuTicks(relay);
            long bytesBefore = bytesSent(api);
            long start = System.nanoTime();
            List<long[]> memory = new ArrayList<>();
            while (System.nanoTime() - start < seconds * 1_000_000_000L) {
                memory.add(rssKb(relay));
                Thread.sleep(1000);
            }
            long[] after = cpuTicks(relay);
            double window = (System.nanoTime() - start) / 1e9;
            long bytes = bytesSent(api) - bytesBefore;
            List<String> states = outputStates(api);
            String metrics = new String(api.download("/actuator/prometheus").body());
            double perMinute = 60.0 / window / TICKS;
            DoubleSummaryStatistics total = memory.stream().mapToDouble(m -> (m[0] + m[1]) / 1024.0).summaryStatistics();
            double jvm = memory.stream().mapToDouble(m -> m[0] / 1024.0).average().orElse(0);
            System.out.printf(Locale.ROOT, "%-44s %9.1f %8.1f %8.1f %8.0f %8.0f %8.0f %8.0f %8.0f %9.1f %6s  %s%s%n",
                    scenario(destinations), (after[0] + after[1] - before[0] - before[1]) * perMinute,
                    (after[0] - before[0]) * perMinute, (after[1] - before[1]) * perMinute, total.getAverage(),
                    total.getMax(), memory.stream().mapToDouble(m -> m[2] / 1024.0).average().orElse(0), jvm,
                    heapUsedMb(metrics), bytes * 8 / window / 1e6,
                    Files.readString(Path.of("/proc/loadavg")).split(" ")[0], pusherSpeeds(metrics),
                    states.stream().allMatch("live"::equals) ? "" : "  (outputs: " + states + ")");
        } finally {
            api.delete(RELAY);
            callers.forEach(Caller::close);
            for (Process helper : helpers) {
                helper.destroy();
                helper.waitFor();
            }
        }
    }

    private static String scenario(int destinations) {
        if (destinations == 0) {
            return "2 renditions received, no destination";
        }
        int large = (destinations + 1) / 2;
        return destinations + (destinations == 1 ? " destination" : " destinations") + " (" + large + " x 1080p, "
                + (destinations - large) + " x 720p)";
    }

    private static String relayBody() {
        StringBuilder renditions = new StringBuilder();
        for (Source source : SOURCES) {
            renditions.append(renditions.isEmpty() ? "" : ",").append("{\"preset_id\":\"").append(source.presetId())
                    .append("\",\"latency_ms\":").append(LATENCY_MS).append('}');
        }
        return "{\"session_id\":\"bench\",\"renditions\":[" + renditions + "],\"passphrase\":\"" + PASSPHRASE
                + "\",\"pbkeylen\":32}";
    }

    /**
     * MediaLive's SRT output for one rendition: calls the relay's listener, and calls again while
     * the listener is not there yet (MediaLive retries the same way).
     */
    private final class Caller implements AutoCloseable {
        private final List<String> arguments;
        private final Thread thread;
        private volatile Process process;
        private volatile boolean closed;

        Caller(Path clip, int port) {
            this.arguments = List.of("-hide_banner", "-nostdin", "-loglevel", "error", "-re", "-stream_loop", "-1",
                    "-i", clip.toString(), "-c", "copy", "-muxdelay", "0", "-f", "mpegts", "srt://127.0.0.1:" + port
                            + "?mode=caller&transtype=live&latency=" + LATENCY_MS * 1000 + "&passphrase=" + PASSPHRASE
                            + "&pbkeylen=32");
            this.thread = Thread.ofVirtual().name("caller-" + port).start(this::callUntilClosed);
        }

        private void callUntilClosed() {
            try {
                while (!closed) {
                    synchronized (this) {
                        if (closed) {
                            return;
                        }
                        process = ffmpeg(arguments.toArray(String[]::new));
                    }
                    process.waitFor();
                    Thread.sleep(200);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            synchronized (this) {
                closed = true;
            }
            thread.interrupt();
            if (process != null) {
                process.destroy();
                try {
                    process.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static int portOf(JsonNode renditions, String presetId) {
        for (JsonNode rendition : renditions) {
            if (presetId.equals(rendition.path("preset_id").asString())) {
                return rendition.path("port").asInt();
            }
        }
        throw new IllegalStateException("the relay answered no port for " + presetId + ": " + renditions);
    }

    private static List<String> outputStates(EngineApi api) {
        return api.get(CHANNEL).json().path("outputs").findValuesAsString("state");
    }

    private static long bytesSent(EngineApi api) {
        return api.get(CHANNEL).json().path("outputs").findValues("bytes_sent").stream().mapToLong(JsonNode::asLong).sum();
    }

    private static double heapUsedMb(String metrics) {
        return metrics.lines().filter(l -> l.startsWith("jvm_memory_used_bytes") && l.contains("area=\"heap\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum() / 1024 / 1024;
    }

    /** The slowest and fastest pusher (media time per wall time): 1.0 is real time. */
    private static String pusherSpeeds(String metrics) {
        DoubleSummaryStatistics speeds = metrics.lines()
                .filter(l -> l.startsWith("lunora_engine_child_speed") && l.contains("role=\"pusher\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).summaryStatistics();
        return speeds.getCount() == 0 ? "-"
                : String.format(Locale.ROOT, "%.2f-%.2f", speeds.getMin(), speeds.getMax());
    }

    /** [relay JVM (with reaped children), live FFmpeg children] in clock ticks. */
    private static long[] cpuTicks(Process relay) throws IOException {
        long jvm = stat(relay.pid(), true);
        long children = 0;
        for (ProcessHandle child : relay.descendants().toList()) {
            children += stat(child.pid(), false);
        }
        return new long[] {jvm, children};
    }

    private static long stat(long pid, boolean withReaped) throws IOException {
        String text = read(Path.of("/proc", Long.toString(pid), "stat"));
        if (text == null) {
            return 0;
        }
        String[] f = text.substring(text.lastIndexOf(')') + 2).split(" ");
        // fields after the command: state(0) ... utime(11) stime(12) cutime(13) cstime(14)
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return withReaped ? ticks + Long.parseLong(f[13]) + Long.parseLong(f[14]) : ticks;
    }

    /**
     * [relay JVM RSS, FFmpeg children RSS, PSS of both] in kB. RSS counts the FFmpeg libraries'
     * shared pages once per process; PSS shares them out, and is nearer what the task's memory
     * limit (one cgroup) is charged.
     */
    private static long[] rssKb(Process relay) throws IOException {
        long children = 0;
        long pss = kb(relay.pid(), "smaps_rollup", "Pss:");
        for (ProcessHandle child : relay.descendants().toList()) {
            children += kb(child.pid(), "status", "VmRSS:");
            pss += kb(child.pid(), "smaps_rollup", "Pss:");
        }
        return new long[] {kb(relay.pid(), "status", "VmRSS:"), children, pss};
    }

    /** One "Name: N kB" line of a /proc file of the process; 0 when it has just gone. */
    private static long kb(long pid, String file, String name) throws IOException {
        String text = read(Path.of("/proc", Long.toString(pid), file));
        if (text == null) {
            return 0;
        }
        return text.lines().filter(l -> l.startsWith(name)).findFirst()
                .map(l -> Long.parseLong(l.substring(name.length()).replace("kB", "").strip())).orElse(0L);
    }

    /** A /proc file, or null when the process has just gone. */
    private static String read(Path file) throws IOException {
        try {
            return Files.readString(file);
        } catch (java.nio.file.NoSuchFileException gone) {
            return null;
        }
    }

    private Process startRelay(TestIssuer issuer, int port, int firstRelayPort) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MediaEngineApplication.class.getName(),
                "--server.port=" + port, "--lunora.engine.data-dir=" + work.resolve("engine"),
                "--lunora.security.jwk-set-uri=" + issuer.jwkSetUri(),
                "--lunora.engine.relay.ports=" + firstRelayPort + "-" + (firstRelayPort + SOURCES.size() - 1),
                "--lunora.engine.relay.bind-address=127.0.0.1"));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve("relay.log").toFile())
                .start();
    }

    private Process ffmpeg(String... args) throws IOException {
        return ffmpeg.processBuilder(ffmpeg.command(List.of(args))).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.appendTo(work.resolve("helpers.log").toFile())).start();
    }

    /** {@code count} consecutive UDP ports free right now, for the relay's listeners. */
    private static int udpRange(int count) {
        for (int first = 20000 + (int) (ProcessHandle.current().pid() % 20000); ; first += count) {
            if (udpFree(first, count)) {
                return first;
            }
        }
    }

    private static boolean udpFree(int first, int count) {
        for (int port = first; port < first + count; port++) {
            try (DatagramSocket socket = new DatagramSocket(port)) {
                socket.getLocalPort();
            } catch (IOException inUse) {
                return false;
            }
        }
        return true;
    }

    /** From /proc/net/tcp: connecting to see would use up the receiver's one {@code -listen 1} accept. */
    private static boolean tcpListening(int port) {
        String local = String.format(Locale.ROOT, ":%04X", port);
        try {
            return Files.readAllLines(Path.of("/proc/net/tcp")).stream().map(l -> l.strip().split("\\s+"))
                    .anyMatch(f -> f[1].endsWith(local) && f[3].equals("0A")); // local address, state LISTEN
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean reachable(EngineApi api) {
        try {
            return api.get(CHANNEL).status() == 200;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    private static EngineApi.Answer check(EngineApi.Answer answer) {
        if (answer.status() / 100 != 2) {
            throw new IllegalStateException("relay answered " + answer.status() + ": " + answer.body());
        }
        return answer;
    }

    private static void waitUntil(BooleanSupplier condition, Duration limit) {
        await().atMost(limit).pollInterval(Duration.ofMillis(250)).until(condition::getAsBoolean);
    }
}
