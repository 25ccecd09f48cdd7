package io.lunora.engine.orchestration;

import io.lunora.engine.EngineProperties;
import io.lunora.engine.channel.Channel;
import io.lunora.engine.channel.ChannelConfig;
import io.lunora.engine.events.EngineEvents;
import io.lunora.engine.ffmpeg.Ffmpeg;
import io.lunora.engine.ingest.SrtInputSettings;
import io.lunora.engine.loop.EngineBusyException;
import io.lunora.engine.loop.RunLoop;
import io.lunora.engine.output.PublishEndpoint;
import io.lunora.engine.process.ChildPool;
import io.lunora.engine.process.CloseAll;
import io.lunora.engine.process.Redactor;
import io.lunora.engine.relay.Relay;
import io.lunora.engine.relay.RelayConfig;
import io.lunora.engine.relay.RelayPorts;
import io.lunora.engine.rendition.PresetMapping;
import io.lunora.engine.rendition.RecentSaturation;
import io.lunora.engine.rendition.RenditionPreset;
import io.lunora.engine.workload.OutputPlan;
import io.lunora.engine.workload.Workload;
import io.lunora.engine.workload.WorkloadResources;
import io.lunora.engine.workload.WorkloadState;
import io.lunora.model.preset.EncodingPreset;
import io.lunora.support.problem.ConflictException;
import io.lunora.support.problem.NotFoundException;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * The engine's one orchestrator: what each organization runs ({@link Workload}: a channel or a
 * relay, never both) and what the organizations share (the {@code max-channels} slots, the SRT
 * ports). Each organization's workload is driven by its own {@link RunLoop}: commands run there in
 * order and within a deadline. This class's lock covers only that bookkeeping (which
 * organization holds which slot and port); no process start, stop or I/O ever runs under it.
 *
 * <p>Every operation is idempotent (the control service retries and reconciles). Standby inputs
 * only remux and hold no slot; a session or a relay holds one. Two organizations never listen on
 * one SRT port: a session takes its ports from another organization's standby inputs (the control
 * service warms those again when the ports are free), anything else is refused.
 */
@Service
public class Orchestrator implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(Orchestrator.class);
    /** Commands waiting for one organization's loop; the API's callers wait for theirs, so few ever queue. */
    private static final int COMMAND_QUEUE = 1_000;

    private final WorkloadResources resources;
    private final RelayPorts relayPorts;
    private final int maxSlots;
    /** How long an API call waits for its command before answering "busy". */
    private final Duration commandDeadline;
    /** How long closing a workload may take: a full stop of every part, plus room for the queue. */
    private final Duration closeDeadline;
    private final Map<String, Tenant> tenants = new HashMap<>();

    /** One organization on this engine; {@code slot} and {@code ports} guarded by the orchestrator. */
    private static final class Tenant {
        final String organizationId;
        final boolean relay;
        final RunLoop loop;
        /** Written on the loop only; volatile so that bookkeeping can see whether one exists. */
        volatile Workload workload;
        boolean slot;
        List<Integer> ports = List.of();

        Tenant(String organizationId, boolean relay) {
            this.organizationId = organizationId;
            this.relay = relay;
            this.loop = new RunLoop("org", organizationId, COMMAND_QUEUE);
        }
    }

    public Orchestrator(EngineProperties properties, Ffmpeg ffmpeg, ChildPool pool, Redactor redactor,
            MeterRegistry registry, EngineEvents events) {
        this.resources = new WorkloadResources(properties, ffmpeg, pool, redactor, registry, events,
                new RecentSaturation());
        this.relayPorts = new RelayPorts(properties.relay());
        this.maxSlots = properties.maxChannels();
        this.commandDeadline = properties.commandDeadline();
        this.closeDeadline = properties.stopDeadline().plusSeconds(3);
    }

    /**
     * Runs the organization's inputs (standby when no session runs), or applies changed inputs to
     * its running channel, the session untouched.
     *
     * @throws ConflictException when another organization's inputs listen on one of the ports
     */
    public void warm(String organizationId, ChannelConfig inputs) {
        List<Integer> ports = listenerPorts(inputs);
        Tenant tenant;
        synchronized (this) {
            tenant = tenant(organizationId, false);
            if (!others(organizationId, ports).isEmpty()) {
                throw portsInUse(ports);
            }
            tenant.ports = ports;
            tenants.putIfAbsent(organizationId, tenant);
        }
        onLoop(tenant, "warm inputs", () -> {
            if (tenant.workload == null) {
                tenant.workload = Channel.standby(organizationId, inputs, resources, tenant.loop);
                log.info("Inputs of {} on standby", organizationId);
            } else {
                channel(tenant).applyInputs(inputs);
            }
            return null;
        });
    }

    /** Starts the organization's session on its inputs (warming them first if needed), or applies a changed one. */
    public void start(String organizationId, ChannelConfig config) {
        List<Integer> ports = listenerPorts(config);
        Tenant tenant;
        List<Tenant> evicted = new ArrayList<>();
        synchronized (this) {
            tenant = tenant(organizationId, false);
            for (Tenant other : others(organizationId, ports)) {
                if (other.slot || other.relay) {
                    throw portsInUse(ports);
                }
                evicted.add(other);
            }
            if (!tenant.slot) {
                requireFreeSlot(organizationId);
                tenant.slot = true;
            }
            evicted.forEach(other -> tenants.remove(other.organizationId));
            tenant.ports = ports;
            tenants.putIfAbsent(organizationId, tenant);
        }
        for (Tenant other : evicted) {
            log.warn("Session of {} takes SRT port(s) {} from the standby inputs of {}", organizationId, ports,
                    other.organizationId);
            close(other);
        }
        onLoop(tenant, "start session", () -> {
            if (tenant.workload == null) {
                tenant.workload = Channel.standby(organizationId, config, resources, tenant.loop);
            }
            Channel channel = channel(tenant);
            try {
                channel.beginSession(config);
            } finally {
                settleSlot(tenant);
            }
            log.info("Session {} of {} on air", config.sessionId(), organizationId);
            return null;
        });
    }

    /** Ends the session: outputs, encoders and the program stop; the inputs stay on standby. */
    public void endSession(String organizationId) {
        find(organizationId).filter(t -> !t.relay).ifPresent(tenant -> onLoopIfRunning(tenant, "end session", () -> {
            if (tenant.workload instanceof Channel channel && channel.holdsSlot()) {
                channel.endSession();
                settleSlot(tenant);
                log.info("Session of {} ended; inputs on standby", organizationId);
            }
        }));
    }

    /** Stops everything of the organization (channel with its inputs, or relay); nothing happens when nothing runs. */
    public void stop(String organizationId) {
        Tenant tenant;
        synchronized (this) {
            tenant = tenants.remove(organizationId);
        }
        if (tenant != null) {
            close(tenant);
            log.info("Workload of {} stopped", organizationId);
        }
    }

    /** Starts the organization's relay or brings it to these renditions; answers each rendition's port. */
    public Map<String, Integer> applyRelay(String organizationId, RelayConfig config) {
        Tenant tenant;
        synchronized (this) {
            tenant = tenant(organizationId, true);
            if (!tenant.slot) {
                requireFreeSlot(organizationId);
                tenant.slot = true;
            }
            tenants.putIfAbsent(organizationId, tenant);
        }
        return onLoop(tenant, "apply relay", () -> {
            boolean created = tenant.workload == null;
            Relay relay = created ? new Relay(organizationId, resources, relayPorts, tenant.loop) : (Relay) tenant.workload;
            try {
                Map<String, Integer> ports = relay.apply(config);
                if (created) {
                    tenant.workload = relay;
                    log.info("Relay of {} started (session {}, {} rendition(s))", organizationId, config.sessionId(),
                            ports.size());
                }
                return ports;
            } catch (RuntimeException e) {
                if (created) {
                    relay.close();
                }
                throw e;
            }
        });
    }

    /** Stops the organization's relay; nothing happens when it runs none. */
    public void stopRelay(String organizationId) {
        if (find(organizationId).filter(t -> t.relay).isPresent()) {
            stop(organizationId);
        }
    }

    /**
     * Starts one destination on the organization's channel or relay. The plan is made on the run
     * loop, prepared off it (a passthrough probe takes seconds) and carried out on it again.
     *
     * @param priority the destination is marked priority: never shed to keep the others at real time
     */
    public void startOutput(String organizationId, String destinationId, EncodingPreset preset, PublishEndpoint target,
            boolean priority) {
        PresetMapping.toRendition(preset); // a bad preset is a 400 whether or not anything runs
        Tenant tenant = require(organizationId);
        OutputPlan plan = onLoop(tenant, "plan output", () -> workload(tenant).planOutput(destinationId, preset, target, priority));
        if (plan.unchanged()) {
            return;
        }
        plan.prepare();
        onLoop(tenant, "start output", () -> {
            workload(tenant).startOutput(plan);
            return null;
        });
    }

    /** Stops one output; nothing happens when it (or the workload) does not run. */
    public void stopOutput(String organizationId, String destinationId) {
        find(organizationId).ifPresent(tenant -> onLoopIfRunning(tenant, "stop output", () -> {
            if (tenant.workload != null) {
                tenant.workload.stopOutput(destinationId);
            }
        }));
    }

    public void switchTo(String organizationId, String inputId, String reason) {
        Tenant tenant = require(organizationId);
        onLoop(tenant, "switch", () -> {
            channel(tenant).switchTo(inputId, reason);
            return null;
        });
    }

    /** Puts the slate on air for every output, or takes it off; 409 when no session runs. */
    public void pause(String organizationId, boolean pause) {
        Tenant tenant = require(organizationId);
        onLoop(tenant, pause ? "pause" : "resume", () -> {
            channel(tenant).pause(pause);
            return null;
        });
    }

    /** The input's latest preview picture (JPEG), if its channel runs and the input has delivered one. */
    public Optional<Path> preview(String organizationId, String inputId) {
        return find(organizationId).filter(t -> !t.relay).flatMap(tenant -> onLoopOr(tenant, "preview", Optional.empty(),
                () -> tenant.workload instanceof Channel channel ? channel.preview(inputId) : Optional.empty()));
    }

    public WorkloadState state(String organizationId) {
        return find(organizationId).map(tenant -> onLoopOr(tenant, "status", WorkloadState.stopped(),
                () -> tenant.workload == null ? WorkloadState.stopped() : tenant.workload.state()))
                .orElse(WorkloadState.stopped());
    }

    /** The renditions the channel encodes now (one per distinct preset in use). */
    public List<RenditionPreset> renditions(String organizationId) {
        return find(organizationId).filter(t -> !t.relay).map(tenant -> onLoopOr(tenant, "renditions", List.<RenditionPreset>of(),
                () -> tenant.workload instanceof Channel channel ? channel.renditions() : List.<RenditionPreset>of()))
                .orElse(List.of());
    }

    /** Stops every organization's workload at once, before the child pool ends what is left. */
    @Override
    public void destroy() {
        List<Tenant> all;
        synchronized (this) {
            all = List.copyOf(tenants.values());
            tenants.clear();
        }
        CloseAll.of("engine", all.stream().<AutoCloseable>map(t -> () -> close(t)).toList(), closeDeadline);
    }

    // ---- bookkeeping (under the lock, no I/O) ----

    /**
     * The organization's tenant, or a new one that the caller registers only once every check
     * passed (a refused first command leaves no trace); 409 when it runs the other kind of workload.
     */
    private Tenant tenant(String organizationId, boolean relay) {
        Tenant tenant = tenants.get(organizationId);
        if (tenant == null) {
            tenant = new Tenant(organizationId, relay);
        }
        if (tenant.relay != relay) {
            throw new ConflictException("The organization runs a " + (tenant.relay ? "relay" : "channel")
                    + " on this engine; stop it before starting a " + (relay ? "relay" : "channel") + ".");
        }
        return tenant;
    }

    private void requireFreeSlot(String organizationId) {
        long held = tenants.values().stream().filter(t -> t.slot).count();
        if (held >= maxSlots) {
            throw new ConflictException("The engine already runs " + held
                    + " channel(s), its limit (lunora.engine.max-channels).");
        }
    }

    private List<Tenant> others(String organizationId, List<Integer> ports) {
        return tenants.values().stream().filter(t -> !t.organizationId.equals(organizationId))
                .filter(t -> t.ports.stream().anyMatch(ports::contains)).toList();
    }

    private static ConflictException portsInUse(List<Integer> ports) {
        return new ConflictException("SRT port(s) " + ports + " are in use by another organization's inputs on this"
                + " engine.");
    }

    /** Called on the loop: the tenant holds a slot exactly while its workload needs one. */
    private void settleSlot(Tenant tenant) {
        boolean holds = tenant.workload != null && tenant.workload.holdsSlot();
        synchronized (this) {
            tenant.slot = holds;
        }
    }

    private static List<Integer> listenerPorts(ChannelConfig config) {
        return Stream.of(config.primary(), config.secondary()).filter(i -> i != null && i.listener())
                .map(SrtInputSettings::port).toList();
    }

    private synchronized Optional<Tenant> find(String organizationId) {
        return Optional.ofNullable(tenants.get(organizationId));
    }

    private Tenant require(String organizationId) {
        return find(organizationId).orElseThrow(() -> new NotFoundException("channel", organizationId));
    }

    // ---- on the loop ----

    private static Workload workload(Tenant tenant) {
        if (tenant.workload == null) {
            throw new NotFoundException("channel", tenant.organizationId);
        }
        return tenant.workload;
    }

    private static Channel channel(Tenant tenant) {
        if (workload(tenant) instanceof Channel channel) {
            return channel;
        }
        throw new ConflictException("The organization runs a relay: MediaLive makes its program.");
    }

    /**
     * Runs a command on the tenant's loop; 404 when the tenant was stopped meanwhile. A command
     * that failed before the tenant had a workload leaves no tenant behind; one still running
     * (busy) may yet create it, so the tenant stays.
     */
    private <T> T onLoop(Tenant tenant, String name, Callable<T> command) {
        try {
            return tenant.loop.call(name, commandDeadline, command);
        } catch (RunLoop.LoopStoppedException stopped) {
            throw new NotFoundException("channel", tenant.organizationId);
        } catch (EngineBusyException busy) {
            throw busy;
        } catch (RuntimeException | Error failed) {
            forgetIfEmpty(tenant);
            throw failed;
        }
    }

    /** A read that answers {@code fallback} when the tenant was stopped meanwhile. */
    private <T> T onLoopOr(Tenant tenant, String name, T fallback, Callable<T> command) {
        try {
            return tenant.loop.call(name, commandDeadline, command);
        } catch (RunLoop.LoopStoppedException stopped) {
            return fallback;
        }
    }

    /** A stopping command, which has nothing to do when the tenant was stopped meanwhile. */
    private void onLoopIfRunning(Tenant tenant, String name, Runnable command) {
        try {
            tenant.loop.run(name, commandDeadline, command);
        } catch (RunLoop.LoopStoppedException stopped) {
            log.debug("{} of {}: already stopped", name, tenant.organizationId);
        }
    }

    /** A tenant whose first command failed before it created a workload leaves no trace. */
    private void forgetIfEmpty(Tenant tenant) {
        boolean forget;
        synchronized (this) {
            forget = tenant.workload == null && tenants.get(tenant.organizationId) == tenant;
            if (forget) {
                tenants.remove(tenant.organizationId);
            }
        }
        if (forget) {
            tenant.loop.close();
        }
    }

    /** Closes the tenant's workload on its loop, bounded by the deadline, then ends the loop. */
    private void close(Tenant tenant) {
        try {
            tenant.loop.run("stop", closeDeadline, () -> {
                Workload workload = tenant.workload;
                tenant.workload = null;
                if (workload != null) {
                    workload.close();
                }
            });
        } catch (RunLoop.LoopStoppedException | EngineBusyException e) {
            log.warn("Stop of {} did not finish in time: {}", tenant.organizationId, e.getMessage());
        } finally {
            tenant.loop.close();
        }
    }
}
