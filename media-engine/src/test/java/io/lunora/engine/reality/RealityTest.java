package io.lunora.engine.reality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The engine against peers it did not write, on a busy machine, judged from what the receivers
 * recorded (never from the engine's own status, except where the status is the thing tested):
 * {@link RealityRig}'s channel with Debian's FFmpeg (default TS muxer) as primary, GStreamer as
 * secondary (each through an {@link ImpairedLink}: jitter and loss on the SRT path where a phase
 * asks for it), three X-like outputs to nginx-rtmp, HLS, and stress-ng on every core. One channel
 * lives through the class; each test is a phase of its life, in order. Figures land in
 * {@code target/reality-figures.txt}.
 */
@Tag("reality")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealityTest {
    private static final List<String> X_DESTINATIONS = List.of("dest-1", "dest-2", "dest-3");
    /**
     * The destinations whose pictures are decoded: the three carry copies of one rendition, and
     * decoding 720p is what a busy 2-core machine cannot afford three times over;
     * {@code -Dreality.decode-all=true} decodes all of them. Every destination's timestamps and
     * arrivals are checked from its {@link FlvTail} anyway.
     */
    private static final List<String> DECODED = Boolean.getBoolean("reality.decode-all") ? X_DESTINATIONS
            : List.of("dest-1");
    private static final long FAILOVER_THRESHOLD_MS = 2000;

    private RealityRig rig;
    private MachineLoad load;

    @BeforeAll
    void start() {
        rig = new RealityRig(RealityRig.tempFolder("engine-reality"));
        load = MachineLoad.busy(50);
        rig.startChannel();
        X_DESTINATIONS.forEach(d -> {
            if (DECODED.contains(d)) {
                rig.startOutputWatched(d, RealityRig.X_PRESET);
            } else {
                rig.startOutput(d, RealityRig.X_PRESET);
            }
        });
        rig.awaitRecording(Duration.ofSeconds(40));
    }

    @AfterAll
    void stop() {
        if (load != null) {
            load.close();
        }
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    @Order(1)
    void shouldShowNoSlateWhileBothSourcesAreHealthy() {
        RealityRig.sleep(Duration.ofSeconds(3)); // past the outputs' start
        // healthy sources on a real network: jitter (so datagrams arrive out of order) and loss,
        // which SRT's 120 ms latency must absorb without the program noticing
        ImpairedLink.Impairment network = new ImpairedLink.Impairment(Duration.ofMillis(20), Duration.ofMillis(10), 0.005);
        rig.impairNetwork(network);
        long from = System.nanoTime();
        RealityRig.sleep(Duration.ofSeconds(40));
        long to = System.nanoTime();
        rig.clearNetwork();
        Figures.note("healthy 40 s over %s: %s", network, rig.networkFigures());

        SoftAssertions softly = new SoftAssertions();
        for (String destination : X_DESTINATIONS) {
            FlvTail tail = rig.tails.get(destination);
            Figures.note("healthy 40 s, %s: lag max %d ms, arrival gap max %d ms, timestamp gap max %d ms", destination,
                    tail.largestLagMs(from, to), tail.largestArrivalGapMs(from, to), tail.largestTimestampGapMs(from, to));
            softly.assertThat(tail.largestTimestampGapMs(from, to)).as("%s: largest timestamp step, ms", destination)
                    .isLessThan(500);
        }
        for (String destination : DECODED) {
            FlvTail tail = rig.tails.get(destination);
            PictureFollower pictures = rig.pictures.get(destination);
            pictures.awaitDecoded(tail.timestampAt(to), Duration.ofSeconds(60));
            // what arrived during the window: made while both sources were healthy, however late it came
            RecordingAnalysis healthy = pictures.analysis().between(tail.timestampAt(from), tail.timestampAt(to));
            Figures.note("healthy 40 s, %s pictures: %s", destination, healthy);
            softly.assertThat(healthy.durationMs()).as("%s recorded the healthy window", destination)
                    .isGreaterThan(35_000);
            softly.assertThat(healthy.slateIntervals()).as("%s: slate with both sources healthy", destination).isEmpty();
            softly.assertThat(healthy.counts().getOrDefault(Picture.PRIMARY, 0L)).as("%s shows the primary", destination)
                    .isGreaterThan(healthy.frames().size() * 95L / 100);
        }
        softly.assertAll();
    }

    @Test
    @Order(2)
    void shouldPutTheSecondaryOnAirWithinTheThresholdWhenThePrimaryIsKilled() {
        long before = System.nanoTime();
        RealityRig.sleep(Duration.ofSeconds(1));
        long killedAt = System.nanoTime();
        rig.primary.kill();

        SoftAssertions softly = new SoftAssertions();
        for (String destination : DECODED) {
            FlvTail tail = rig.tails.get(destination);
            PictureFollower pictures = rig.pictures.get(destination);
            // the receiver may be far behind: wait for the switch to reach it, then 2 s more
            boolean arrived = pictures.awaitPicture(Picture.SECONDARY, tail.timestampAt(before), Duration.ofSeconds(2),
                    Duration.ofSeconds(75));
            RecordingAnalysis recording = pictures.analysis().between(tail.timestampAt(before), Long.MAX_VALUE);
            RecordingAnalysis.Switch failover = recording.switchAfter(Picture.PRIMARY, Picture.SECONDARY,
                    tail.timestampAt(before)).orElse(null);
            if (!arrived || failover == null) {
                softly.fail("%s: no switch from the primary to the secondary within 75 s of the kill; recorded %s",
                        destination, recording);
                continue;
            }
            long arrival = failover.firstToMs() == null ? -1 : tail.arrivalOf(failover.firstToMs());
            Figures.note("failover, %s: last primary frame %d ms, first slate %s ms after it, secondary %s ms after it"
                    + " (kill -> secondary arriving at nginx: %d ms, pipeline latency included); slate %s",
                    destination, failover.lastFromMs(), failover.slateAfterMs(), failover.toAfterMs(),
                    arrival < 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(arrival - killedAt),
                    recording.between(failover.lastFromMs(), Long.MAX_VALUE).slateIntervals());
            softly.assertThat(failover.toAfterMs()).as("%s: secondary on air after the last primary frame", destination)
                    .isNotNull().isLessThanOrEqualTo(FAILOVER_THRESHOLD_MS + 500);
            if (failover.slateAfterMs() != null) {
                softly.assertThat(failover.slateAfterMs()).as("%s: slate after the last primary frame", destination)
                        .isLessThanOrEqualTo(1000);
            }
            softly.assertThat(recording.firstAfter(Picture.PRIMARY, failover.firstToMs() == null ? Long.MAX_VALUE
                    : failover.firstToMs())).as("%s: the primary never comes back", destination).isEmpty();
        }
        softly.assertAll();
    }

    /** The harness's own proof: with no source at all the receivers do show the slate, and it is detected. */
    @Test
    @Order(3)
    void shouldDetectTheSlateWhenEverySourceIsCut() {
        long before = System.nanoTime();
        long cutAt = System.nanoTime();
        rig.secondary.kill();
        RealityRig.sleep(Duration.ofSeconds(6));
        long restartAt = System.nanoTime();
        rig.startPrimary();
        RealityRig.await(Duration.ofSeconds(20), () -> "primary".equals(rig.status().path("on_air").asString()),
                "the returning primary on air");

        SoftAssertions softly = new SoftAssertions();
        for (String destination : DECODED) {
            FlvTail tail = rig.tails.get(destination);
            PictureFollower pictures = rig.pictures.get(destination);
            // the secondary's loss, then the primary back: wait until the receiver has both
            long from = tail.timestampAt(before);
            pictures.awaitAnalysis(a -> a.between(from, Long.MAX_VALUE).slateIntervals().stream()
                    .anyMatch(i -> i.millis() > 3000 && a.firstAfter(Picture.PRIMARY, i.toMs() + 1000).isPresent()),
                    Duration.ofSeconds(75));
            RecordingAnalysis cut = pictures.analysis().between(from, Long.MAX_VALUE);
            Figures.note("every source cut for %d ms, %s: slate %s", TimeUnit.NANOSECONDS.toMillis(restartAt - cutAt),
                    destination, cut.slateIntervals());
            softly.assertThat(cut.slateIntervals()).as("%s: the loss shows as one slate interval", destination)
                    .anySatisfy(i -> assertThat(i.millis()).isGreaterThan(3000));
            softly.assertThat(cut.firstAfter(Picture.PRIMARY, cut.slateIntervals().isEmpty() ? 0
                    : cut.slateIntervals().getLast().toMs())).as("%s: the primary back after the slate", destination)
                    .isPresent();
        }
        softly.assertAll();
        rig.startSecondary();
    }

    /**
     * More work than the machine can do: the receivers must stay within 2 s of real time (the
     * engine drops frames and lowers its encoder's work rather than falling behind) and the
     * engine's status must say so: {@code outputs[].lag_ms} (how far the output is behind real
     * time, what its encoder holds included), {@code outputs[].dropped_frames} and
     * {@code dropped_packets} (dropped to keep real time), {@code outputs[].degraded} and
     * {@code encoders[].x264_preset} (a faster preset than usual).
     */
    @Test
    @Order(4)
    // measured 2026-12-02 (docs/benchmarks.md "Saturation"): lag max 0.58 s in one run with vfr renditions,
    // 3-19 s with other builds adding a load of 17-25; the 2 s target is not met reliably, so CI leaves it
    // out (-Dlunora.excludedGroups= runs it)
    @Tag("not-yet-met")
    void shouldKeepEveryReceiverWithinTwoSecondsOfRealTimeWhenTheMachineIsSaturated() {
        List<Runnable> softlyLater = new ArrayList<>();
        load.close();
        long from = System.nanoTime();
        Map<String, Integer> framesBefore = new LinkedHashMap<>();
        X_DESTINATIONS.forEach(d -> framesBefore.put(d, rig.tails.get(d).frames()));
        List<JsonNode> statuses = new ArrayList<>();
        long switchedAt;
        try (MachineLoad saturated = MachineLoad.saturated()) {
            for (int i = 0; i < 6; i++) {
                RealityRig.sleep(Duration.ofSeconds(5));
                JsonNode status = rig.status();
                statuses.add(status);
                Figures.note("saturated %d s: receiver lag now %d ms; encoders %s; outputs lag/drops %s", 5 * (i + 1),
                        rig.tails.get("dest-1").lagMs(), status.path("encoders"), status.path("outputs").valueStream()
                                .map(o -> o.path("lag_ms").asLong() + "/" + o.path("dropped_packets").asLong()).toList());
            }
            // the lag of the pictures themselves (a backlog in front of the encoder does not show in the
            // timestamps): switch to the secondary by hand and time its bars reaching the receiver
            switchedAt = System.nanoTime();
            Figures.note("saturated: manual switch to the secondary answered %d", rig.api.post(RealityRig.CHANNEL + "/switch",
                    "{\"input\":\"secondary\",\"reason\":\"manual\"}").status());
            for (String destination : DECODED) {
                rig.pictures.get(destination).awaitPicture(Picture.SECONDARY, rig.tails.get(destination)
                        .timestampAt(switchedAt), Duration.ZERO, Duration.ofSeconds(20));
            }
        }
        long to = System.nanoTime();
        load = MachineLoad.busy(50);
        for (String destination : DECODED) {
            FlvTail tail = rig.tails.get(destination);
            // the decoder starves under saturation too: once the load is lighter it catches up, and the
            // arrival time comes from the FLV tail, not from when the picture was decoded
            rig.pictures.get(destination).awaitPicture(Picture.SECONDARY, tail.timestampAt(switchedAt), Duration.ZERO,
                    Duration.ofSeconds(30));
            long seen = rig.pictures.get(destination).analysis().firstAfter(Picture.SECONDARY, tail.timestampAt(switchedAt))
                    .map(f -> tail.arrivalOf(f.timestampMs())).orElse(-1L);
            long pictureLag = seen < 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(seen - switchedAt);
            Figures.note("saturated, %s: manual switch -> secondary's picture at nginx %d ms (-1: not seen)",
                    destination, pictureLag);
            softlyLater.add(() -> assertThat(pictureLag).as("%s: picture lag under saturation, ms", destination)
                    .isBetween(0L, 2000L));
        }

        SoftAssertions softly = new SoftAssertions();
        softlyLater.forEach(check -> softly.check(check::run));
        double seconds = (to - from) / 1e9;
        for (String destination : X_DESTINATIONS) {
            FlvTail tail = rig.tails.get(destination);
            long lag = tail.largestLagMs(from, to);
            int frames = tail.frames() - framesBefore.get(destination);
            Figures.note("saturated %.0f s, %s: lag max %d ms (now %d ms), %d frames arrived (%.1f/s), arrival gap max %d ms,"
                    + " timestamp gap max %d ms", seconds, destination, lag, tail.lagMs(), frames, frames / seconds,
                    tail.largestArrivalGapMs(from, to), tail.largestTimestampGapMs(from, to));
            softly.assertThat(lag).as("%s: lag behind real time under saturation, ms", destination).isLessThan(2000);
        }
        JsonNode outputs = statuses.getLast().path("outputs");
        Figures.note("saturated, engine status outputs: %s", outputs);
        for (JsonNode output : outputs) {
            softly.assertThat(output.has("lag_ms")).as("status outputs[].lag_ms of %s", output.path("destination_id"))
                    .isTrue();
            softly.assertThat(output.path("lag_ms").asLong(Long.MAX_VALUE)).as("outputs[].lag_ms").isLessThan(2000);
            softly.assertThat(output.has("dropped_frames")).as("status outputs[].dropped_frames of %s",
                    output.path("destination_id")).isTrue();
        }
        boolean receiversMissedFrames = X_DESTINATIONS.stream()
                .anyMatch(d -> rig.tails.get(d).frames() - framesBefore.get(d) < 30 * seconds * 0.97);
        if (receiversMissedFrames) {
            for (String destination : X_DESTINATIONS) {
                softly.assertThat(statuses.stream().flatMap(s -> s.path("outputs").valueStream())
                        .filter(o -> destination.equals(o.path("destination_id").asString()))
                        .anyMatch(o -> o.path("dropped_frames").asLong(0) + o.path("dropped_packets").asLong(0) > 0))
                        .as("%s: the receivers got fewer than 30 frames/s: the status reports dropped frames or packets",
                                destination).isTrue();
            }
        }
        boolean degraded = statuses.stream().flatMap(s -> s.path("outputs").valueStream())
                .anyMatch(o -> o.path("degraded").asBoolean(false));
        Figures.note("saturated: degraded reported %s, x264 presets seen %s", degraded, statuses.stream()
                .flatMap(s -> s.path("encoders").valueStream()).map(e -> e.path("x264_preset").asString(""))
                .filter(p -> !p.isEmpty()).distinct().toList());
        softly.assertAll();
    }

    /**
     * A frozen child (SIGSTOP: a hung FFmpeg, a full disk) stops only its own outputs, and the
     * stop still ends within 5 s with no FFmpeg of the engine left.
     */
    @Test
    @Order(5)
    void shouldKeepTheOtherDestinationsRunningAndStopWithinFiveSecondsWhenChildrenHang() throws Exception {
        rig.startOutput("dest-4", RealityRig.SMALL_PRESET);
        RealityRig.await(Duration.ofSeconds(30), () -> rig.tails.get("dest-4").frames() > 30, "dest-4 recording");
        List<Long> children = rig.childPids();
        Optional<Long> hls = EngineChildren.find(children, "hls");
        Optional<Long> smallEncoder = children.stream().filter(pid -> EngineChildren.commandLine(pid).stream()
                .anyMatch(a -> a.startsWith("scale=640:360"))).findFirst();
        assertThat(hls).as("the HLS FFmpeg among %s", children).isPresent();
        assertThat(smallEncoder).as("dest-4's rendition encoder among %s", children).isPresent();

        long frozenAt = System.nanoTime();
        rig.freeze(hls.get());
        rig.freeze(smallEncoder.get());
        RealityRig.sleep(Duration.ofSeconds(12));
        long to = System.nanoTime();

        SoftAssertions softly = new SoftAssertions();
        for (String destination : X_DESTINATIONS) {
            FlvTail tail = rig.tails.get(destination);
            long arrivalGap = tail.largestArrivalGapMs(frozenAt, to);
            long timestampGap = tail.largestTimestampGapMs(frozenAt, to);
            Figures.note("HLS and dest-4's encoder frozen 12 s, %s: arrival gap max %d ms, timestamp gap max %d ms,"
                    + " lag max %d ms", destination, arrivalGap, timestampGap, tail.largestLagMs(frozenAt, to));
            softly.assertThat(arrivalGap).as("%s: largest wait between frames arriving, ms", destination).isLessThan(500);
            softly.assertThat(timestampGap).as("%s: largest timestamp step, ms", destination).isLessThan(500);
        }

        List<Long> before = rig.childPids();
        long stopAt = System.nanoTime();
        CompletableFuture<Integer> stop = CompletableFuture.supplyAsync(() -> rig.api.delete(RealityRig.CHANNEL).status());
        Integer answer = null;
        try {
            answer = stop.get(15, TimeUnit.SECONDS);
        } catch (TimeoutException hung) {
            Figures.note("stop: no answer to DELETE within 15 s");
        }
        long stopMs = RealityRig.millisSince(stopAt);
        String engineFfmpeg = rig.engineFfmpeg();
        RealityRig.sleep(Duration.ofMillis(200));
        List<Long> left = before.stream().filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .toList();
        List<Long> children2 = EngineChildren.childrenRunning(engineFfmpeg);
        Figures.note("stop with frozen children: DELETE answered %s after %d ms; children left %s (of %d), engine FFmpeg"
                + " children of the JVM %s", answer, stopMs, left, before.size(), children2);
        softly.assertThat(answer).as("DELETE answer").isEqualTo(204);
        softly.assertThat(stopMs).as("DELETE answered within, ms").isLessThan(5000);
        softly.assertThat(left).as("engine children alive after the stop").isEmpty();
        softly.assertThat(children2).as("processes of the engine's FFmpeg whose parent is the engine").isEmpty();
        softly.assertAll();
    }

    @Test
    @Order(6)
    void shouldHaveConnectedEachDestinationOnceFromStartToEnd() {
        Map<String, Integer> publishes = new LinkedHashMap<>();
        rig.keys.forEach((destination, key) -> publishes.put(destination, rig.nginx.publishes(key)));
        Figures.note("publishes per destination at nginx: %s", publishes);
        assertThat(publishes).allSatisfy((destination, count) -> assertThat(count).as(destination).isEqualTo(1));
        if (publishes.isEmpty()) {
            fail("no destination");
        }
    }
}
