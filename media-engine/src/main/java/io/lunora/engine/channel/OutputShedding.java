package io.lunora.engine.channel;

import io.lunora.engine.rendition.RenditionPreset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which outputs a channel stops when its encoders fall behind real time even at the fastest x264
 * step: less work on the machine is then the only way to keep the others at the live edge.
 *
 * <p>What stops is an encoder with all its destinations, since only that frees the machine (a
 * pusher only copies; stopping one of two destinations that share an encoder saves nothing). Never
 * an encoder that feeds a destination marked priority, never the last encoder left (stopping it
 * keeps nothing live), never a copy (it costs nothing to encode). Of the others, the one whose
 * latest destination started last goes first. After a shed the next one waits {@link #HOLD_OFF}:
 * the encoders left need a settling time and a window of skips to show whether it was enough.
 * Owned by its channel's run loop: no lock.
 */
final class OutputShedding {
    /** A rendition's settling time (4 s) and its window of skips (15 s), and a second to spare. */
    static final Duration HOLD_OFF = Duration.ofSeconds(20);
    /** The stopped outputs' error, which the control plane turns into an alert. */
    static final String REASON = "shed_to_keep_up: this machine cannot encode every output in real time;"
            + " stopped so that the priority destinations stay at the live edge";

    /** A running output as the choice sees it; {@code startOrder} grows with each start. */
    record Candidate(String destinationId, RenditionPreset rendition, boolean priority, long startOrder) {
    }

    private boolean shedBefore;
    private long lastShedAt;

    /** The destinations to stop now (those of one encoder), or none. */
    List<String> choose(long nowNanos, List<Candidate> running) {
        if (shedBefore && nowNanos - lastShedAt < HOLD_OFF.toNanos()) {
            return List.of();
        }
        List<String> chosen = pick(running);
        if (!chosen.isEmpty()) {
            shedBefore = true;
            lastShedAt = nowNanos;
        }
        return chosen;
    }

    static List<String> pick(List<Candidate> running) {
        Map<RenditionPreset, List<Candidate>> byEncoder = new LinkedHashMap<>();
        running.stream().filter(c -> !c.rendition().passthrough())
                .forEach(c -> byEncoder.computeIfAbsent(c.rendition(), r -> new ArrayList<>()).add(c));
        if (byEncoder.size() < 2) {
            return List.of();
        }
        return byEncoder.values().stream()
                .filter(outputs -> outputs.stream().noneMatch(Candidate::priority))
                .max(Comparator.comparingLong(outputs -> outputs.stream().mapToLong(Candidate::startOrder).max().orElseThrow()))
                .map(outputs -> outputs.stream().map(Candidate::destinationId).toList())
                .orElse(List.of());
    }
}
