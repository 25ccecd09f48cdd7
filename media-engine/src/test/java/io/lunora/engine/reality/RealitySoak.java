package io.lunora.engine.reality;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Not a test: the soak benchmark behind {@code bench/reality-soak.sh}. The {@link RealityRig}
 * channel (Debian FFmpeg primary, GStreamer secondary, three X-like outputs to nginx-rtmp, HLS)
 * runs for N minutes on a machine kept busy by stress-ng, in cycles: both sources healthy for
 * 30 s, the primary killed (kill -9), 8 s later started again and switched back by hand, and a
 * fourth output started and stopped (its stop timed). At the end dest-1's recording is decoded
 * (the healthy windows and the seconds around each kill; the other destinations carry copies of
 * the same rendition) and the script prints: slate insertions per hour while both sources were healthy, failover time
 * p50/p95 (the primary's last frame to the secondary's first, in the recording, and kill to the
 * secondary's first frame arriving at nginx), and stop time p95.
 */
public final class RealitySoak {
    private static final Duration HEALTHY = Duration.ofSeconds(30);
    private static final String MEASURED = "dest-1";

    private record Kill(long beforeNanos, long killedAtNanos) {
    }

    private record Window(long fromNanos, long toNanos) {
    }

    public static void main(String[] args) {
        int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        List<Kill> kills = new ArrayList<>();
        List<Window> healthy = new ArrayList<>();
        List<Long> outputStops = new ArrayList<>();
        long channelStop;
        int loadPercent = Integer.getInteger("reality.load-percent", 50);
        try (MachineLoad load = MachineLoad.busy(loadPercent);
                RealityRig rig = new RealityRig(RealityRig.tempFolder("engine-soak"))) {
            rig.startChannel();
            for (String destination : List.of("dest-1", "dest-2", "dest-3")) {
                rig.startOutput(destination, RealityRig.X_PRESET);
            }
            rig.awaitRecording(Duration.ofSeconds(60));
            long end = System.nanoTime() + Duration.ofMinutes(minutes).toNanos(); // the minutes count from the first frame
            while (System.nanoTime() < end) {
                long from = System.nanoTime();
                RealityRig.sleep(HEALTHY);
                healthy.add(new Window(from, System.nanoTime()));

                long before = System.nanoTime();
                RealityRig.sleep(Duration.ofMillis(500));
                long killedAt = System.nanoTime();
                rig.primary.kill();
                kills.add(new Kill(before, killedAt));
                RealityRig.sleep(Duration.ofSeconds(8));
                rig.startPrimary();
                RealityRig.await(Duration.ofSeconds(30), () -> rig.inputConnected("primary"), "primary back");
                rig.api.post(RealityRig.CHANNEL + "/switch", "{\"input\":\"primary\",\"reason\":\"manual\"}");
                RealityRig.await(Duration.ofSeconds(10), () -> "primary".equals(rig.status().path("on_air").asString()),
                        "primary on air again");

                rig.startOutput("dest-extra", RealityRig.X_PRESET);
                RealityRig.sleep(Duration.ofSeconds(3));
                long stopAt = System.nanoTime();
                rig.api.delete(RealityRig.CHANNEL + "/outputs/dest-extra");
                outputStops.add(RealityRig.millisSince(stopAt));
                rig.tails.remove("dest-extra").close();
                System.out.printf(Locale.ROOT, "cycle %d done, %d s left%n", kills.size(),
                        Math.max(0, (end - System.nanoTime()) / 1_000_000_000));
            }
            // the receivers may be seconds behind: let the last cycle's media reach them before the stop
            rig.tails.get(MEASURED).awaitMediaAfter(System.nanoTime(), Duration.ZERO, Duration.ofMinutes(2));
            long stopAt = System.nanoTime();
            CompletableFuture<Integer> stop = CompletableFuture.supplyAsync(() -> rig.api.delete(RealityRig.CHANNEL).status());
            stop.orTimeout(60, java.util.concurrent.TimeUnit.SECONDS).exceptionally(e -> -1).join();
            channelStop = RealityRig.millisSince(stopAt);
            RealityRig.sleep(Duration.ofSeconds(1));
            report(rig, kills, healthy, outputStops, channelStop, minutes, loadPercent);
        }
    }

    private static void report(RealityRig rig, List<Kill> kills, List<Window> healthy, List<Long> outputStops,
            long channelStop, int minutes, int loadPercent) {
        FlvTail tail = rig.tails.get(MEASURED);
        int slates = 0;
        double healthySeconds = 0;
        long unknownFrames = 0;
        List<String> slateSeen = new ArrayList<>();
        for (Window window : healthy) {
            RecordingAnalysis part = rig.analyse(MEASURED, window.fromNanos(), window.toNanos());
            unknownFrames += part.counts().getOrDefault(Picture.UNKNOWN, 0L);
            healthySeconds += part.durationMs() / 1000.0;
            slates += part.slateIntervals().size();
            part.slateIntervals().forEach(i -> slateSeen.add(i.toString()));
        }
        List<Long> failovers = new ArrayList<>();
        List<Long> killToArrival = new ArrayList<>();
        List<Long> slateAfter = new ArrayList<>();
        int missed = 0;
        for (Kill kill : kills) {
            RecordingAnalysis recording = rig.analyse(MEASURED, kill.beforeNanos(), kill.killedAtNanos() + 8_000_000_000L);
            RecordingAnalysis.Switch failover = recording.switchAfter(Picture.PRIMARY, Picture.SECONDARY,
                    tail.engineTimestampAt(kill.beforeNanos())).orElse(null);
            if (failover == null || failover.toAfterMs() == null) {
                System.out.printf(Locale.ROOT, "kill %d: no primary-to-secondary switch in the recording: %s%n",
                        kills.indexOf(kill) + 1, recording);
                missed++;
                continue;
            }
            failovers.add(failover.toAfterMs());
            killToArrival.add((tail.arrivalOf(failover.firstToMs()) - kill.killedAtNanos()) / 1_000_000);
            if (failover.slateAfterMs() != null) {
                slateAfter.add(failover.slateAfterMs());
            }
        }
        Map<String, Long> lag = new LinkedHashMap<>();
        rig.tails.forEach((d, t) -> lag.put(d, t.largestLagMs(0, Long.MAX_VALUE)));
        Map<String, Integer> publishes = new LinkedHashMap<>();
        rig.keys.forEach((d, key) -> publishes.put(d, rig.nginx.publishes(key)));

        System.out.println();
        System.out.printf(Locale.ROOT, "reality soak: %d min, stress-ng %d %% on %d cores, network: %s%n", minutes,
                loadPercent, Runtime.getRuntime().availableProcessors(),
                System.getProperty("reality.network", "loopback (no netem)"));
        System.out.printf(Locale.ROOT, "slate insertions with both sources healthy: %d in %.1f min = %.1f per hour %s"
                + " (%d frames neither source nor slate)%n", slates, healthySeconds / 60, slates / (healthySeconds / 3600),
                slateSeen, unknownFrames);
        System.out.printf(Locale.ROOT, "primary killed %d times, secondary never seen after %d of them%n", kills.size(), missed);
        System.out.printf(Locale.ROOT, "failover, last primary frame -> first secondary frame (recording): p50 %d ms, p95 %d ms, max %d ms%n",
                percentile(failovers, 50), percentile(failovers, 95), percentile(failovers, 100));
        System.out.printf(Locale.ROOT, "failover, kill -> first secondary frame at nginx (pipeline latency included): p50 %d ms, p95 %d ms%n",
                percentile(killToArrival, 50), percentile(killToArrival, 95));
        System.out.printf(Locale.ROOT, "slate shown during %d of the failovers, after the last primary frame: p50 %d ms%n",
                slateAfter.size(), percentile(slateAfter, 50));
        System.out.printf(Locale.ROOT, "output stop (DELETE /outputs/...): p50 %d ms, p95 %d ms (n=%d); channel stop %d ms%n",
                percentile(outputStops, 50), percentile(outputStops, 95), outputStops.size(), channelStop);
        System.out.printf(Locale.ROOT, "largest lag per receiver (ms): %s; publishes per destination: %s%n", lag, publishes);
    }

    /** The nearest-rank percentile, or -1 when there is no value. */
    static long percentile(List<Long> values, int percent) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
