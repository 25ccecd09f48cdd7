package io.lunora.engine.relay;

import io.lunora.engine.EngineProperties;
import io.lunora.engine.channel.ChannelResources;
import io.lunora.engine.channel.ChannelState;
import io.lunora.engine.channel.EngineSlots;
import io.lunora.engine.channel.PresetMapping;
import io.lunora.engine.events.EngineEvents;
import io.lunora.engine.ffmpeg.Ffmpeg;
import io.lunora.engine.output.PublishEndpoint;
import io.lunora.engine.process.ChildPool;
import io.lunora.engine.process.Redactor;
import io.lunora.model.preset.EncodingPreset;
import io.lunora.support.problem.InvalidFieldException;
import io.lunora.support.problem.NotFoundException;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * The engine's relays (relay mode: the fan-out tier behind MediaLive), one per organization. A
 * relay takes one of the engine's {@code max-channels} slots like a channel does, and an
 * organization runs either. Every operation is idempotent.
 */
@Service
public class RelayManager implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(RelayManager.class);
    private static final String PRESET_ID = "[A-Za-z0-9_.-]{1,128}";

    private final ChannelResources resources;
    private final EngineSlots slots;
    private final RelayPorts ports;
    private final Map<String, Relay> relays = new ConcurrentHashMap<>();

    public RelayManager(EngineProperties properties, Ffmpeg ffmpeg, ChildPool pool, Redactor redactor,
            MeterRegistry registry, EngineEvents events, EngineSlots slots) {
        this.resources = new ChannelResources(properties, ffmpeg, pool, redactor, registry, events);
        this.slots = slots;
        this.ports = new RelayPorts(properties.relay());
    }

    /** Starts the organization's relay or brings it to these renditions; answers each rendition's port. */
    public synchronized Map<String, Integer> apply(String organizationId, RelayConfig config) {
        Relay relay = relays.get(organizationId);
        if (relay != null) {
            return relay.apply(config);
        }
        slots.claim(organizationId, ChannelState.RELAY);
        Relay created = new Relay(organizationId, resources, ports);
        try {
            Map<String, Integer> answer = created.apply(config);
            relays.put(organizationId, created);
            log.info("Relay of {} started (session {}, {} rendition(s))", organizationId, config.sessionId(),
                    answer.size());
            return answer;
        } catch (RuntimeException e) {
            created.close();
            slots.release(organizationId);
            throw e;
        }
    }

    /** Stops the relay's outputs and listeners; nothing happens when it does not run. */
    public void stop(String organizationId) {
        Relay relay;
        synchronized (this) {
            relay = relays.remove(organizationId);
        }
        if (relay != null) {
            relay.close();
            slots.release(organizationId);
            log.info("Relay of {} stopped", organizationId);
        }
    }

    public boolean runs(String organizationId) {
        return relays.containsKey(organizationId);
    }

    /**
     * Starts one destination on the rendition of its preset's id. The preset is checked as a
     * channel checks it, though the relay copies the rendition as MediaLive encoded it.
     */
    public void startOutput(String organizationId, String destinationId, EncodingPreset preset, PublishEndpoint target) {
        PresetMapping.toRendition(preset);
        if (preset.presetId() == null || !preset.presetId().matches(PRESET_ID)) {
            throw new InvalidFieldException("preset.preset_id", "must be 1 to 128 letters, digits, '.', '_' or '-'");
        }
        relay(organizationId).orElseThrow(() -> new NotFoundException("channel", organizationId))
                .startOutput(destinationId, preset.presetId(), target);
    }

    public void stopOutput(String organizationId, String destinationId) {
        relay(organizationId).ifPresent(r -> r.stopOutput(destinationId));
    }

    public Optional<ChannelState> state(String organizationId) {
        return relay(organizationId).map(Relay::state);
    }

    private Optional<Relay> relay(String organizationId) {
        return Optional.ofNullable(relays.get(organizationId));
    }

    /** Stops every relay before the child pool ends what is left. */
    @Override
    public void destroy() {
        relays.keySet().forEach(this::stop);
    }
}
