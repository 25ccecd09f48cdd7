package io.lunora.engine.relay;

import io.lunora.engine.output.PublishEndpoint;
import io.lunora.engine.process.CloseAll;
import io.lunora.engine.workload.WorkloadResources;
import io.lunora.engine.workload.WorkloadState;
import io.lunora.engine.output.Pusher;
import io.lunora.engine.rendition.PresetMapping;
import io.lunora.engine.workload.OutputPlan;
import io.lunora.engine.workload.Workload;
import io.lunora.model.preset.EncodingPreset;
import io.lunora.support.problem.InvalidFieldException;
import java.util.concurrent.Executor;
import io.lunora.model.media.EngineStatus;
import io.lunora.model.media.OutputState;
import io.lunora.support.problem.ConflictException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One organization's relay: a rendition listener per preset MediaLive encodes, and one copy-only
 * pusher per destination on its preset's rendition. Adding or dropping a rendition, starting or
 * stopping a destination touches nothing else.
 *
 * <p>Confined to the organization's run loop ({@link Workload}); a rendition's reconnect, seen on
 * its ingest's thread, is posted to that loop.
 */
public final class Relay implements Workload {
    private static final String PRESET_ID = "[A-Za-z0-9_.-]{1,128}";

    private static final Logger log = LoggerFactory.getLogger(Relay.class);

    private final String organizationId;
    private final WorkloadResources resources;
    private final RelayPorts ports;
    private final Executor loop;
    private final Map<String, RelayRendition> renditions = new LinkedHashMap<>();
    private final Map<String, Output> outputs = new LinkedHashMap<>();

    private record Output(Pusher pusher, String presetId) {
    }

    public Relay(String organizationId, WorkloadResources resources, RelayPorts ports, Executor loop) {
        this.organizationId = organizationId;
        this.resources = resources;
        this.ports = ports;
        this.loop = loop;
    }

    /**
     * Makes the relay carry exactly the given renditions: new ones get a port and a listener,
     * dropped ones stop with their outputs, kept ones keep their port and pushers. Ports are
     * taken before anything changes, so a refusal (409) leaves the relay as it was.
     *
     * @return the port of each rendition, in the order asked
     */
    public Map<String, Integer> apply(RelayConfig config) {
        resources.redactor().register(config.passphrase());
        List<RelayConfig.RenditionSettings> added = config.renditions().stream()
                .filter(r -> !renditions.containsKey(r.presetId())).toList();
        List<Integer> newPorts = ports.take(added.size());
        List<String> wanted = config.renditions().stream().map(RelayConfig.RenditionSettings::presetId).toList();
        for (String dropped : renditions.keySet().stream().filter(p -> !wanted.contains(p)).toList()) {
            drop(dropped);
        }
        for (int i = 0; i < added.size(); i++) {
            String presetId = added.get(i).presetId();
            renditions.put(presetId, new RelayRendition(presetId, newPorts.get(i), resources,
                    () -> reconnected(presetId)));
            log.info("Relay of {} listens for rendition {} on port {}", organizationId, presetId, newPorts.get(i));
        }
        Map<String, Integer> answer = new LinkedHashMap<>();
        for (RelayConfig.RenditionSettings settings : config.renditions()) {
            RelayRendition rendition = renditions.get(settings.presetId());
            rendition.listen(settings.latencyMs(), config.passphrase(), config.keyLength());
            answer.put(settings.presetId(), rendition.port());
        }
        return answer;
    }

    private void drop(String presetId) {
        for (String destinationId : outputs.entrySet().stream().filter(e -> e.getValue().presetId().equals(presetId))
                .map(Map.Entry::getKey).toList()) {
            stopOutput(destinationId);
        }
        RelayRendition rendition = renditions.remove(presetId);
        rendition.close();
        ports.release(rendition.port());
        log.info("Relay of {} no longer carries rendition {}", organizationId, presetId);
    }

    /**
     * The pushers of a rendition whose caller connected again start over on its new stream; posted
     * to the run loop, so the ingest's reader never waits for the relay.
     */
    private void reconnected(String presetId) {
        loop.execute(() -> restartOutputs(presetId));
    }

    private void restartOutputs(String presetId) {
        log.info("Rendition {} of the relay of {} reconnected: its outputs start over on its next keyframe", presetId,
                organizationId);
        outputs.values().stream().filter(o -> o.presetId().equals(presetId)).map(Output::pusher)
                .forEach(Pusher::reconnect);
    }

    /**
     * Checks the preset as a channel checks it (though the relay copies the rendition as MediaLive
     * encoded it), that the relay carries its rendition (by the preset's id), and whether the
     * destination already runs as asked.
     */
    @Override
    public OutputPlan planOutput(String destinationId, EncodingPreset preset, PublishEndpoint target,
            boolean priority) { // a relay only copies what MediaLive encoded: nothing of it is shed
        PresetMapping.toRendition(preset);
        if (preset.presetId() == null || !preset.presetId().matches(PRESET_ID)) {
            throw new InvalidFieldException("preset.preset_id", "must be 1 to 128 letters, digits, '.', '_' or '-'");
        }
        String presetId = preset.presetId();
        if (!renditions.containsKey(presetId)) {
            throw new ConflictException("The relay carries no rendition of preset " + presetId + " (it carries "
                    + String.join(", ", renditions.keySet()) + "): add it to the relay first.");
        }
        Output existing = outputs.get(destinationId);
        boolean unchanged = existing != null && existing.presetId().equals(presetId) && existing.pusher().runs(target);
        return new Plan(destinationId, presetId, target, unchanged);
    }

    private record Plan(String destinationId, String presetId, PublishEndpoint target, boolean unchanged)
            implements OutputPlan {
    }

    /** Starts the planned destination on its rendition, restarting one that ran with other settings. */
    @Override
    public void startOutput(OutputPlan planned) {
        if (!(planned instanceof Plan plan)) {
            throw new IllegalArgumentException("not a relay's plan");
        }
        RelayRendition rendition = renditions.get(plan.presetId());
        if (rendition == null) {
            throw new ConflictException("The relay no longer carries rendition " + plan.presetId() + ".");
        }
        stopOutput(plan.destinationId());
        Pusher pusher = new Pusher(plan.destinationId(), plan.target(), rendition, resources.ffmpeg(),
                resources.pool(), resources.redactor(), resources.registry(), resources.properties().outputMaxAttempts(),
                status -> resources.outputChanged(organizationId, status));
        outputs.put(plan.destinationId(), new Output(pusher, plan.presetId()));
        pusher.start();
    }

    /** A relay always holds one of the engine's slots. */
    @Override
    public boolean holdsSlot() {
        return true;
    }

    @Override
    public void stopOutput(String destinationId) {
        Output output = outputs.remove(destinationId);
        if (output != null) {
            output.pusher().close();
        }
    }

    @Override
    public WorkloadState state() {
        List<EngineStatus.Output> outputStates = new ArrayList<>();
        for (Output output : outputs.values()) {
            outputStates.add(WorkloadState.output(output.pusher(), null));
        }
        return new WorkloadState(true, WorkloadState.RELAY, null, null,
                renditions.values().stream().map(RelayRendition::status).toList(), outputStates, List.of(), false);
    }

    /** Stops the outputs and the listeners at once (each on its own), and gives the ports back. */
    @Override
    public void close() {
        List<AutoCloseable> parts = new ArrayList<>();
        outputs.values().forEach(o -> parts.add(o.pusher()));
        parts.addAll(renditions.values());
        outputs.clear();
        renditions.values().forEach(r -> ports.release(r.port()));
        renditions.clear();
        CloseAll.of("relay of " + organizationId, parts, resources.properties().stopDeadline());
    }
}
