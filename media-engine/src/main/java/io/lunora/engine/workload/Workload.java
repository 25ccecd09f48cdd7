package io.lunora.engine.workload;

import io.lunora.engine.output.PublishEndpoint;
import io.lunora.model.preset.EncodingPreset;

/**
 * What one organization runs on this engine: a channel (its SRT inputs, and while a session runs
 * the program and its renditions) or a relay (renditions encoded by MediaLive). Both carry
 * destinations the same way, so the engine's API and its orchestrator handle outputs once.
 *
 * <p>A workload is confined to its organization's run loop: the orchestrator calls every method
 * from that loop only, so a workload keeps its state in plain fields, without locks. Only
 * {@link OutputPlan#prepare()} runs outside the loop, for work that may take seconds.
 */
public interface Workload extends AutoCloseable {

    /**
     * Checks a destination's preset and says how its start would go: nothing to do when the same
     * destination runs with the same preset and target.
     *
     * @param priority the destination is marked priority: never stopped to keep the others at real time
     */
    OutputPlan planOutput(String destinationId, EncodingPreset preset, PublishEndpoint target, boolean priority);

    /** Starts the planned destination, or restarts it when its preset or target changed or it had failed. */
    void startOutput(OutputPlan plan);

    /** Stops one destination; nothing happens when it does not run. */
    void stopOutput(String destinationId);

    /** Holds one of the engine's {@code max-channels} slots: a relay, or a channel in session (standby inputs only remux). */
    boolean holdsSlot();

    WorkloadState state();

    /** Stops everything of the workload within the engine's stop deadline, each part on its own. */
    @Override
    void close();
}
