package io.lunora.engine.channel;

import io.lunora.engine.EngineProperties;
import io.lunora.engine.events.EngineEvents;
import io.lunora.engine.ffmpeg.Ffmpeg;
import io.lunora.engine.output.PublishEndpoint;
import io.lunora.engine.process.ChildPool;
import io.lunora.engine.process.Redactor;
import io.lunora.engine.rendition.RenditionPreset;
import io.lunora.model.preset.EncodingPreset;
import io.lunora.support.problem.ConflictException;
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
 * service retries and reconciles). A channel's inputs run on standby whenever the organization has
 * a source configuration ({@link #warm}); a session ({@link #start}) makes and pushes the program
 * on them. Sessions are limited to {@code lunora.engine.max-channels} (default 1, relays included,
 * see {@link EngineSlots}): each encodes its own renditions, which one machine can afford only so
 * often. Standby inputs only remux, so they are not counted; two channels never listen on the
 * same SRT port, and a session takes its ports from another organization's standby inputs.
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

    /**
     * Runs the organization's inputs (standby when no session runs), or applies changed inputs to
     * the running channel, its session untouched.
     *
     * @throws ConflictException when another organization's channel listens on one of the ports
     */
    public synchronized void warm(String organizationId, ChannelConfig inputs) {
        Channel running = channels.get(organizationId);
        requireFreePorts(organizationId, inputs, false);
        if (running != null) {
            running.applyInputs(inputs);
            return;
        }
        channels.put(organizationId, Channel.standby(organizationId, inputs, resources));
        log.info("Inputs of {} on standby", organizationId);
    }

    /** Starts the organization's session on its inputs (warming them first if needed), or applies a changed one. */
    public synchronized void start(String organizationId, ChannelConfig config) {
        Channel channel = channels.get(organizationId);
        if (channel == null || !channel.inSession()) {
            slots.claim(organizationId, ChannelState.CHANNEL);
        }
        try {
            requireFreePorts(organizationId, config, true);
            if (channel == null) {
                channel = Channel.standby(organizationId, config, resources);
                channels.put(organizationId, channel);
            }
            channel.beginSession(config);
        } catch (RuntimeException e) {
            if (channel == null || !channel.inSession()) {
                slots.release(organizationId);
            }
            throw e;
        }
        log.info("Session {} of {} on air", config.sessionId(), organizationId);
    }

    /**
     * Two channels cannot listen on one port. A session takes the port from another organization's
     * standby inputs (which the control service warms again when the port is free); anything else is
     * refused.
     */
    private void requireFreePorts(String organizationId, ChannelConfig wanted, boolean session) {
        List<Integer> ports = java.util.stream.Stream.of(wanted.primary(), wanted.secondary())
                .filter(i -> i != null && i.listener()).map(i -> i.port()).toList();
        for (Map.Entry<String, Channel> other : List.copyOf(channels.entrySet())) {
            if (other.getKey().equals(organizationId)
                    || other.getValue().listenerPorts().stream().noneMatch(ports::contains)) {
                continue;
            }
            if (session && !other.getValue().inSession()) {
                log.warn("Session of {} takes SRT port(s) {} from the standby inputs of {}", organizationId, ports,
                        other.getKey());
                stop(other.getKey());
            } else {
                throw new ConflictException("SRT port(s) " + ports + " are in use by another organization's inputs on"
                        + " this engine.");
            }
        }
    }

    /** Ends the session: outputs, encoders and the program stop; the inputs stay on standby. */
    public void endSession(String organizationId) {
        Channel channel = channels.get(organizationId);
        if (channel != null && channel.inSession()) {
            channel.endSession();
            slots.release(organizationId);
            log.info("Session of {} ended; inputs on standby", organizationId);
        }
    }

    /** Stops the channel, inputs included, and all its outputs; nothing happens when it does not run. */
    public void stop(String organizationId) {
        Channel channel;
        synchronized (this) {
            channel = channels.remove(organizationId);
        }
        if (channel != null) {
            boolean session = channel.inSession();
            channel.close();
            if (session) {
                slots.release(organizationId);
            }
            log.info("Channel of {} stopped", organizationId);
        }
    }

    /** The input's latest preview picture (JPEG), if its channel runs and the input has delivered one. */
    public Optional<java.nio.file.Path> preview(String organizationId, String inputId) {
        return find(organizationId).flatMap(c -> c.preview(inputId));
    }

    public void startOutput(String organizationId, String destinationId, EncodingPreset preset, PublishEndpoint target) {
        RenditionPreset rendition = PresetMapping.toRendition(preset);
        require(organizationId).startOutput(destinationId, rendition, target);
    }

    /** Stops one output; nothing happens when it (or the channel) does not run. */
    public void stopOutput(String organizationId, String destinationId) {
        find(organizationId).ifPresent(c -> c.stopOutput(destinationId));
    }

    public void switchTo(String organizationId, String inputId, String reason) {
        require(organizationId).switchTo(inputId, reason);
    }

    /** Puts the slate on air for every output, or takes it off; 409 when no session runs. */
    public void pause(String organizationId, boolean pause) {
        require(organizationId).pause(pause);
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
