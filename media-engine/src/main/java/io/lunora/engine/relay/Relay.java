package io.lunora.engine.relay;

import io.lunora.engine.output.PublishEndpoint;
import io.lunora.engine.process.CloseAll;
import io.lunora.engine.channel.ChannelResources;
import io.lunora.engine.channel.ChannelState;
import io.lunora.engine.output.Pusher;
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
 */
final class Relay implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Relay.class);

    private final String organizationId;
    private final ChannelResources resources;
    private final RelayPorts ports;
    private final Map<String, RelayRendition> renditions = new LinkedHashMap<>();
    private final Map<String, Output> outputs = new LinkedHashMap<>();

    private record Output(Pusher pusher, String presetId, PublishEndpoint target) {
    }

    Relay(String organizationId, ChannelResources resources, RelayPorts ports) {
        this.organizationId = organizationId;
        this.resources = resources;
        this.ports = ports;
    }

    /**
     * Makes the relay carry exactly the given renditions: new ones get a port and a listener,
     * dropped ones stop with their outputs, kept ones keep their port and pushers. Ports are
     * taken before anything changes, so a refusal (409) leaves the relay as it was.
     *
     * @return the port of each rendition, in the order asked
     */
    synchronized Map<String, Integer> apply(RelayConfig config) {
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
     * The pushers of a rendition whose caller connected again start over on its new stream; on
     * a thread of its own, so the ingest's reader never waits for the relay.
     */
    private void reconnected(String presetId) {
        Thread.ofVirtual().name("relay-reconnect-" + presetId).start(() -> restartOutputs(presetId));
    }

    private void restartOutputs(String presetId) {
        log.info("Rendition {} of the relay of {} reconnected: its outputs start over on its next keyframe", presetId,
                organizationId);
        List<Pusher> pushers;
        synchronized (this) {
            pushers = outputs.values().stream().filter(o -> o.presetId().equals(presetId)).map(Output::pusher).toList();
        }
        pushers.forEach(Pusher::reconnect);
    }

    /**
     * Starts one destination on its preset's rendition, or restarts it when its preset or URL
     * changed or it had failed; the same request for a running destination changes nothing.
     */
    synchronized void startOutput(String destinationId, String presetId, PublishEndpoint target) {
        RelayRendition rendition = renditions.get(presetId);
        if (rendition == null) {
            throw new ConflictException("The relay carries no rendition of preset " + presetId + " (it carries "
                    + String.join(", ", renditions.keySet()) + "): add it to the relay first.");
        }
        Output existing = outputs.get(destinationId);
        if (existing != null) {
            OutputState state = existing.pusher().status().state();
            if (existing.presetId().equals(presetId) && existing.target().equals(target)
                    && state != OutputState.FAILED && state != OutputState.STOPPED) {
                return;
            }
            stopOutput(destinationId);
        }
        Pusher pusher = new Pusher(destinationId, target, rendition, resources.ffmpeg(),
                resources.pool(), resources.redactor(), resources.registry(), resources.properties().outputMaxAttempts(),
                status -> resources.outputChanged(organizationId, status));
        outputs.put(destinationId, new Output(pusher, presetId, target));
        pusher.start();
    }

    synchronized void stopOutput(String destinationId) {
        Output output = outputs.remove(destinationId);
        if (output != null) {
            output.pusher().close();
        }
    }

    synchronized ChannelState state() {
        List<EngineStatus.Output> outputStates = new ArrayList<>();
        for (Output output : outputs.values()) {
            outputStates.add(ChannelState.output(output.pusher(), null));
        }
        return new ChannelState(true, ChannelState.RELAY, null, null,
                renditions.values().stream().map(RelayRendition::status).toList(), outputStates, List.of(), false);
    }

    /** Stops the outputs and the listeners at once (each on its own), and gives the ports back. */
    @Override
    public synchronized void close() {
        List<AutoCloseable> parts = new ArrayList<>();
        outputs.values().forEach(o -> parts.add(o.pusher()));
        parts.addAll(renditions.values());
        outputs.clear();
        renditions.values().forEach(r -> ports.release(r.port()));
        renditions.clear();
        CloseAll.of("relay of " + organizationId, parts, resources.properties().stopDeadline());
    }
}
