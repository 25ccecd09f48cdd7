package io.lunora.engine.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.engine.ffmpeg.Ffmpeg;
import io.lunora.engine.testing.Media;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {
    private static final Ffmpeg FFMPEG = Media.ffmpeg();
    private static final List<String> ENDLESS_TEST_PATTERN = List.of("-hide_banner", "-nostdin", "-loglevel", "warning",
            "-nostats", "-progress", "pipe:2", "-stats_period", "0.5", "-re", "-f", "lavfi", "-i",
            "testsrc2=size=160x90:rate=10", "-c:v", "libx264", "-preset", "ultrafast", "-f", "null", "-");

    @TempDir
    Path data;
    private ChildPool pool;

    @AfterEach
    void closePool() {
        if (pool != null) {
            pool.close();
        }
    }

    private ChildPool pool(Duration grace) {
        pool = new ChildPool(new Redactor(), grace, new ChildRegistry(data.resolve("children.pids")));
        return pool;
    }

    @Test
    void shouldTurnProgressLinesIntoMetrics() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ProgressMeters meters = new ProgressMeters(registry, "test", "pattern");
        ChildProcess child = pool(Duration.ofSeconds(2)).create(spec("pattern", ENDLESS_TEST_PATTERN, null),
                new ChildProcess.Listener() {
                    @Override
                    public void progress(Progress progress) {
                        meters.update(progress);
                    }
                });

        child.start();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(registry.get("lunora.engine.child.fps").tag("name", "pattern").gauge().value()).isBetween(5.0, 15.0);
            assertThat(registry.get("lunora.engine.child.speed").tag("name", "pattern").gauge().value()).isGreaterThan(0.5);
        });
        assertThat(meters.latest().frame()).isPositive();
    }

    @Test
    void shouldRestartAChildThatExitsWhileWantedWithBackoff() {
        List<Duration> restarts = new CopyOnWriteArrayList<>();
        AtomicReference<String> lastError = new AtomicReference<>();
        Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1), new Random(3));
        ChildProcess child = pool(Duration.ofSeconds(2)).create(spec("failing",
                List.of("-hide_banner", "-nostdin", "-i", "/no/such/input.ts", "-f", "null", "-"), backoff),
                new ChildProcess.Listener() {
                    @Override
                    public void exited(int exitCode, String error, Duration restartIn) {
                        restarts.add(restartIn);
                        lastError.set(error);
                    }
                });

        child.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> restarts.size() >= 3);
        child.stop().join();
        assertThat(restarts.get(0)).isLessThan(restarts.get(2));
        assertThat(lastError.get()).contains("No such file or directory");
    }

    @Test
    void shouldStopGracefullyAndNotRestart() {
        List<Duration> exits = new CopyOnWriteArrayList<>();
        ChildProcess child = pool(Duration.ofSeconds(5)).create(spec("pattern", ENDLESS_TEST_PATTERN, Backoff.standard()),
                new ChildProcess.Listener() {
                    @Override
                    public void exited(int exitCode, String error, Duration restartIn) {
                        exits.add(restartIn == null ? Duration.ZERO : restartIn);
                    }
                });
        child.start();
        await().atMost(Duration.ofSeconds(5)).until(child::isRunning);
        long pid = child.process().pid();

        long began = System.nanoTime();
        child.stop().join();

        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(4));
        assertThat(ProcessHandle.of(pid)).isEmpty();
        await().atMost(Duration.ofSeconds(2)).until(() -> exits.size() == 1);
        assertThat(exits).containsExactly(Duration.ZERO);
        assertThat(pool.pids()).isEmpty();
    }

    @Test
    void shouldLeaveNoChildBehindWhenThePoolClosesEvenWithRestartsPending() {
        List<Long> pids = new CopyOnWriteArrayList<>();
        ChildProcess.Listener recordPids = new ChildProcess.Listener() {
            @Override
            public void started(Process process) {
                pids.add(process.pid());
            }
        };
        ChildPool closing = pool(Duration.ofSeconds(2));
        closing.create(spec("endless", ENDLESS_TEST_PATTERN, Backoff.standard()), recordPids).start();
        closing.create(spec("failing", List.of("-hide_banner", "-nostdin", "-i", "/no/such/input.ts", "-f", "null", "-"),
                new Backoff(Duration.ofMillis(100), Duration.ofMillis(100), new Random(1))), recordPids).start();
        await().atMost(Duration.ofSeconds(5)).until(() -> pids.size() >= 4);

        closing.close();
        pool = null;

        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2))
                .until(() -> pids.stream().noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)));
    }

    @Test
    void shouldKillAChildThatIgnoresTheGracefulStop() {
        ChildProcess child = pool(Duration.ofMillis(500)).create(new ChildSpec("stubborn",
                List.of("/bin/sh", "-c", "trap '' TERM; while true; do sleep 0.1; done"), Map.of(), null),
                new ChildProcess.Listener() { });
        child.start();
        await().atMost(Duration.ofSeconds(5)).until(child::isRunning);
        long pid = child.process().pid();

        child.stop().join();

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void shouldEndChildrenLeftByACrashedEngineAtStartUp() throws Exception {
        ChildPool crashed = new ChildPool(new Redactor(), Duration.ofSeconds(2), new ChildRegistry(data.resolve("children.pids")));
        ChildProcess orphan = crashed.create(spec("orphan", ENDLESS_TEST_PATTERN, null), new ChildProcess.Listener() { });
        orphan.start();
        await().atMost(Duration.ofSeconds(5)).until(orphan::isRunning);
        ProcessHandle handle = orphan.process().toHandle();
        assertThat(Files.readString(data.resolve("children.pids"))).startsWith(Long.toString(handle.pid()));

        pool(Duration.ofSeconds(2));

        assertThat(handle.isAlive()).isFalse();
        assertThat(Files.readString(data.resolve("children.pids"))).isEmpty();
    }

    /** A child started at a lower priority is the command itself (nice execs it): niced, and ended like any orphan. */
    @Test
    void shouldRunANicedChildAsTheCommandItselfAndEndItAsAnOrphan() throws Exception {
        ChildPool crashed = new ChildPool(new Redactor(), Duration.ofSeconds(2), new ChildRegistry(data.resolve("children.pids")));
        ChildSpec niced = new ChildSpec("niced", FFMPEG.command(ENDLESS_TEST_PATTERN), FFMPEG.environment(), null, 7);
        ChildProcess orphan = crashed.create(niced, new ChildProcess.Listener() { });
        orphan.start();
        await().atMost(Duration.ofSeconds(5)).until(orphan::isRunning);
        ProcessHandle handle = orphan.process().toHandle();
        await().atMost(Duration.ofSeconds(5)).until(() -> handle.info().command().orElse("").endsWith(FFMPEG.ffmpeg().getFileName().toString()));
        String stat = Files.readString(Path.of("/proc/" + handle.pid() + "/stat"));
        assertThat(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]).as("nice value").isEqualTo("7");

        pool(Duration.ofSeconds(2));

        assertThat(handle.isAlive()).isFalse();
    }

    @Test
    void shouldLeaveAProcessAloneWhenItsPidWasReused() throws Exception {
        Process unrelated = new ProcessBuilder("/bin/sh", "-c", "sleep 30").start();
        try {
            Files.writeString(data.resolve("children.pids"),
                    unrelated.pid() + " 12345 " + FFMPEG.ffmpeg() + "\n" + unrelated.pid() + " "
                            + unrelated.info().startInstant().orElseThrow().toEpochMilli() + " " + FFMPEG.ffmpeg());

            pool(Duration.ofSeconds(1));

            assertThat(unrelated.isAlive()).isTrue();
        } finally {
            unrelated.destroyForcibly();
        }
    }

    /**
     * The stop that hung in the field: an encoder SIGSTOPped (or stalled) while its feeder is
     * blocked writing into its full stdin. The stop must not wait on the pipe: SIGTERM, then SIGKILL
     * after the grace period, and the feeder is never what it waits for.
     */
    @Test
    void shouldStopAStalledChildWhoseFeederIsBlockedOnItsFullPipeWithinTheGracePeriod() throws Exception {
        AtomicReference<io.lunora.engine.rendition.PacketPipe> feeder = new AtomicReference<>();
        ChildProcess child = pool(Duration.ofSeconds(1)).create(spec("stalled", List.of("-hide_banner", "-loglevel",
                "error", "-f", "mpegts", "-i", "pipe:0", "-f", "null", "-"), null), new ChildProcess.Listener() {
                    @Override
                    public void started(Process process) {
                        feeder.set(new io.lunora.engine.rendition.PacketPipe("stalled", process.getOutputStream(),
                                io.lunora.engine.rendition.MediaPackets.PROGRAM, Duration.ofMinutes(1), () -> { }));
                    }

                    @Override
                    public void stopping() {
                        feeder.get().close();
                    }
                });
        child.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> feeder.get() != null);
        Process process = child.process();
        new ProcessBuilder("kill", "-STOP", Long.toString(process.pid())).start().waitFor();
        byte[] packet = new byte[188];
        packet[0] = 0x47;
        for (int i = 0; i < 5_000; i++) { // ~900 kB: far more than the pipe holds, so the feeder blocks
            feeder.get().accept(packet);
        }
        Thread.sleep(300);

        long stopping = System.nanoTime();
        child.stop().get(5, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofMillis(2500));
        assertThat(process.isAlive()).isFalse();
        assertThat(pool.pids()).isEmpty();
    }

    private static ChildSpec spec(String name, List<String> arguments, Backoff restart) {
        return new ChildSpec(name, FFMPEG.command(arguments), FFMPEG.environment(), restart);
    }
}
