package io.lunora.engine.reality;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Not a test: the soak benchmark behind {@code bench/reality-soak.sh}. The {@link RealityRig}
 * channel (Debian FFmpeg primary, GStreamer secondary, three X-like outputs to nginx-rtmp, HLS)
 * runs for N minutes on a machine kept busy by stress-ng, in cycles: both sources healthy for
 * 30 s, the primary killed (kill -9), 8 s later started again and switched back by hand, and a
 * fourth output started and stopped (its stop timed). dest-1's pictures are decoded as they
 * arrive (the other destinations carry copies of the same rendition). At the end it prints:
 * <ul>
 * <li>slate insertions per hour with healthy sources: slate intervals with the same source on
 *     both sides (the engine cut away and came back: no source was lost), per hour of media;</li>
 * <li>failover time p50/p95: the primary's last frame to the secondary's first in the recording
 *     (real time at the engine's encoder), and kill to the secondary's first frame arriving at
 *     nginx (end to end, the pipeline's latency and any backlog included);</li>
 * <li>stop time p95 of an output, and the channel's stop.</li>
 * </ul>
 */
public final class RealitySoak {
    private static final Duration HEALTHY = Duration.ofSeconds(30);
    private static final String MEASURED = "dest-1";
    /** What bench/reality-soak.sh gives netem where the kernel has it, given by the rig's links where it has not. */
    private static final ImpairedLink.Impairment USER_SPACE_NETWORK =
            new ImpairedLink.Impairment(Duration.ofMillis(20), Duration.ofMillis(10), 0.005);

    public static void main(String[] args) {
        int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int loadPercent = Integer.getInteger("reality.load-percent", 50);
        List<Long> kills = new ArrayList<>();
        List<Long> outputStops = new ArrayList<>();
        try (MachineLoad load = MachineLoad.busy(loadPercent);
                RealityRig rig = new RealityRig(RealityRig.tempFolder("engine-soak"))) {
            rig.startChannel();
            if (System.getProperty("reality.peer-netns", "").isEmpty()) {
                rig.impairNetwork(USER_SPACE_NETWORK); // no netem here: the rig's links give the jitter and loss
            }
            rig.startOutputWatched(MEASURED, RealityRig.X_PRESET);
            for (String destination : List.of("dest-2", "dest-3")) {
                rig.startOutput(destination, RealityRig.X_PRESET);
            }
            rig.awaitRecording(Duration.ofSeconds(60));
            long end = System.nanoTime() + Duration.ofMinutes(minutes).toNanos(); // counted from the first frames
            while (System.nanoTime() < end) {
                RealityRig.sleep(HEALTHY);
                kills.add(System.nanoTime());
                rig.primary.kill();
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
            // the receiver may be far behind: let the last failover reach it before the stop
            PictureFollower pictures = rig.pictures.get(MEASURED);
            pictures.awaitAnalysis(a -> a.switches(Picture.PRIMARY, Picture.SECONDARY).size() >= kills.size()
                    && !a.frames().isEmpty() && a.frames().getLast().picture() == Picture.PRIMARY, Duration.ofMinutes(3));
            long stopAt = System.nanoTime();
            CompletableFuture.supplyAsync(() -> rig.api.delete(RealityRig.CHANNEL).status())
                    .orTimeout(60, TimeUnit.SECONDS).exceptionally(e -> -1).join();
            long channelStop = RealityRig.millisSince(stopAt);
            report(rig, pictures.analysis(), kills, outputStops, channelStop, minutes, loadPercent);
        }
    }

    private static void report(RealityRig rig, RecordingAnalysis recording, List<Long> kills, List<Long> outputStops,
            long channelStop, int minutes, int loadPercent) {
        FlvTail tail = rig.tails.get(MEASURED);
        List<RecordingAnalysis.Interval> flaps = recording.slateFlaps();
        double hours = recording.durationMs() / 3_600_000.0;
        List<RecordingAnalysis.Switch> switches = recording.switches(Picture.PRIMARY, Picture.SECONDARY);
        List<Long> failovers = new ArrayList<>();
        List<Long> killToArrival = new ArrayList<>();
        List<Long> slateAfter = new ArrayList<>();
        for (int i = 0; i < switches.size(); i++) {
            RecordingAnalysis.Switch failover = switches.get(i);
            failovers.add(failover.toAfterMs());
            if (failover.slateAfterMs() != null) {
                slateAfter.add(failover.slateAfterMs());
            }
            if (i < kills.size()) {
                killToArrival.add(TimeUnit.NANOSECONDS.toMillis(tail.arrivalOf(failover.firstToMs()) - kills.get(i)));
            }
        }
        Map<String, Integer> publishes = new LinkedHashMap<>();
        rig.keys.forEach((d, key) -> publishes.put(d, rig.nginx.publishes(key)));

        System.out.println();
        System.out.printf(Locale.ROOT, "reality soak: %d min, stress-ng %d %% on %d cores, network: %s%n", minutes,
                loadPercent, Runtime.getRuntime().availableProcessors(),
                System.getProperty("reality.network", "loopback through a user-space link, " + USER_SPACE_NETWORK
                        + ", sources to engine (" + rig.networkFigures() + ")"));
        System.out.printf(Locale.ROOT, "recording %s: %s%n", MEASURED, recording);
        System.out.printf(Locale.ROOT, "slate insertions with healthy sources (slate between frames of one source): %d in"
                + " %.1f min of media = %.0f per hour %s%n", flaps.size(), hours * 60, flaps.size() / hours, flaps);
        System.out.printf(Locale.ROOT, "primary killed %d times, %d primary-to-secondary switches in the recording%n",
                kills.size(), switches.size());
        System.out.printf(Locale.ROOT, "failover, last primary frame -> first secondary frame (recording): p50 %d ms,"
                + " p95 %d ms, max %d ms%n", percentile(failovers, 50), percentile(failovers, 95), percentile(failovers, 100));
        System.out.printf(Locale.ROOT, "failover, kill -> first secondary frame at nginx (end to end): p50 %d ms, p95 %d ms,"
                + " max %d ms%n", percentile(killToArrival, 50), percentile(killToArrival, 95), percentile(killToArrival, 100));
        System.out.printf(Locale.ROOT, "slate shown in %d of the failovers, after the last primary frame: p50 %d ms%n",
                slateAfter.size(), percentile(slateAfter, 50));
        System.out.printf(Locale.ROOT, "output stop (DELETE /outputs/...): p50 %d ms, p95 %d ms (n=%d); channel stop %d ms%n",
                percentile(outputStops, 50), percentile(outputStops, 95), outputStops.size(), channelStop);
        System.out.printf(Locale.ROOT, "largest timestamp lag of %s: %d ms; publishes per destination: %s%n", MEASURED,
                tail.largestLagMs(0, Long.MAX_VALUE), publishes);
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
