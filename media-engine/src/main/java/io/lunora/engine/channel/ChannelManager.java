package io.lunora.engine.channel;

import io.lunora.engine.EngineProperties;
import io.lunora.engine.events.EngineEvents;
import io.lunora.engine.ffmpeg.Ffmpeg;
import io.lunora.engine.process.ChildPool;
import io.lunora.engine.process.Redactor;
import io.lunora.engine.rendition.RenditionPreset;
import io.lunora.model.preset.EncodingPreset;
import io.lunora.support.problem.NotFoundException;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * The engine's channels, one per organization. Every operation is idempotent (the control
 * service retries and reconciles). A second concurrent channel is refused beyond
 * {@code lunora.engine.max-channels} (default 1, relays included, see {@link EngineSlots}): each
 * channel listens on its own SRT ports and encodes its own renditions, which one machine can
 * afford only so often.
 */
@Service
public class ChannelManager implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(ChannelManager.class);

    private final ChannelResources resources;
    private final EngineSlots slots;
    private final Map<String, Channel> channels = new ConcurrentHashMap<>();

    public ChannelManager(EngineProperties properties, Ffmpeg ffmpeg, ChildPool pool, Redactor redactor,
            MeterRegistry registry, EngineEvents events, EngineSlots slots) {
        this.resources = new ChannelResources(properties, ffmpeg, pool, redactor, registry, events);
        this.slots = slots;
    }

    /** Starts the organization's channel, or applies the changed configuration to the running one. */
    public synchronized void start(String organizationId, ChannelConfig config) {
        Channel running = channels.get(organizationId);
        if (running != null) {
            running.apply(config);
            return;
        }
        slots.claim(organizationId, ChannelState.CHANNEL);
        try {
            channels.put(organizationId, new Channel(organizationId, config, resources));
        } catch (RuntimeException e) {
            slots.release(organizationId);
            throw e;
        }
        log.info("Channel of {} started (session {})", organizationId, config.sessionId());
    }

    /** Stops the channel and all its outputs; nothing happens when it does not run. */
    public void stop(String organizationId) {
        Channel channel;
        synchronized (this) {
            channel = channels.remove(organizationId);
        }
        if (channel != null) {
            channel.close();
            slots.release(organizationId);
            log.info("Channel of {} stopped", organizationId);
        }
    }

    public void startOutput(String organizationId, String destinationId, EncodingPreset preset, String publishUrl) {
        RenditionPreset rendition = PresetMapping.toRendition(preset);
        require(organizationId).startOutput(destinationId, rendition, publishUrl);
    }

    /** Stops one output; nothing happens when it (or the channel) does not run. */
    public void stopOutput(String organizationId, String destinationId) {
        find(organizationId).ifPresent(c -> c.stopOutput(destinationId));
    }

    public void switchTo(String organizationId, String inputId, String reason) {
        require(organizationId).switchTo(inputId, reason);
    }

    public ChannelState state(String organizationId) {
        return find(organizationId).map(Channel::state).orElse(ChannelState.stopped());
    }

    /** The renditions the channel runs now (one per distinct preset in use). */
    public List<RenditionPreset> renditions(String organizationId) {
        return find(organizationId).map(Channel::renditions).orElse(List.of());
    }

    private Optional<Channel> find(String organizationId) {
        return Optional.ofNullable(channels.get(organizationId));
    }

    private Channel require(String organizationId) {
        return find(organizationId).orElseThrow(() -> new NotFoundException("channel", organizationId));
    }

    /** Stops every channel before the child pool ends what is left. */
    @Override
    public void destroy() {
        channels.keySet().forEach(this::stop);
    }
}
