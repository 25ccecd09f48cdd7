package io.lunora.streaming.media.medialive;

import io.lunora.model.media.ChannelRequest;
import io.lunora.streaming.media.ChannelStatus;
import io.lunora.streaming.media.ChannelStatus.OutputStatus;
import io.lunora.streaming.media.MediaBackend;
import io.lunora.streaming.media.MediaBackendUnavailableException;
import io.lunora.streaming.media.MediaEvent;
import io.lunora.streaming.media.OutputSpec;
import io.lunora.support.problem.ConflictException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.medialive.MediaLiveClient;
import software.amazon.awssdk.services.medialive.model.ChannelClass;
import software.amazon.awssdk.services.medialive.model.ChannelState;
import software.amazon.awssdk.services.medialive.model.DescribeChannelResponse;
import software.amazon.awssdk.services.medialive.model.InputAttachment;
import software.amazon.awssdk.services.medialive.model.InputCodec;
import software.amazon.awssdk.services.medialive.model.InputMaximumBitrate;
import software.amazon.awssdk.services.medialive.model.InputResolution;
import software.amazon.awssdk.services.medialive.model.InputSpecification;
import software.amazon.awssdk.services.medialive.model.LogLevel;
import software.amazon.awssdk.services.medialive.model.PipelineDetail;

/**
 * The media port on AWS Elemental MediaLive. Port calls only record what is wanted (the channel
 * spec, the outputs); a reconciliation, gathered over {@code settle} so that a session start with
 * its destinations becomes one channel build, brings MediaLive there.
 *
 * <p>MediaLive cannot add or remove one output of a running channel. When the wanted outputs of a
 * running channel change, the reconciliation runs the update cycle: stop, update, start. Every
 * output of that channel, HLS included, is interrupted for the cycle (typically about a minute).
 *
 * <p>With a {@link RelayTier} the channel sends one SRT rendition per preset to the relay instead,
 * and a destination whose preset the channel carries starts and stops on the relay alone; only a
 * preset not carried yet takes the update cycle. docs/aws.md says when to choose which.
 *
 * <p>Every build (create or update) is preceded by the {@link PackagingCheck}: without the media
 * stack's MediaPackage channel nothing is built and the outputs fail with what to deploy.
 */
public class MediaLiveBackend implements MediaBackend, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MediaLiveBackend.class);
    private static final Set<ChannelState> ON = Set.of(ChannelState.STARTING, ChannelState.RUNNING,
            ChannelState.RECOVERING);

    private final MediaLiveClient medialive;
    private final InputPreviews previews;
    private final SrtInputs inputs;
    private final MediaLiveSettings settings;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final ChannelMonitor monitor;
    private final PackagingCheck packaging;
    private final MediaLiveInputSwitch inputSwitch;
    private final Map<String, Wanted> wanted = new ConcurrentHashMap<>();
    private final Map<String, Applied> applied = new ConcurrentHashMap<>();
    private final Map<String, String> channelIds = new ConcurrentHashMap<>();
    private final Map<String, String> activeInputs = new ConcurrentHashMap<>();
    private final Set<String> scheduled = ConcurrentHashMap.newKeySet();
    private final Set<String> busy = ConcurrentHashMap.newKeySet();
    private final List<Consumer<MediaEvent>> listeners = new CopyOnWriteArrayList<>();
    /** The fan-out tier; null without a relay (the update cycle changes destinations). */
    private final RelayTier relay;

    /** What the control service asked for; {@code channel} null means stopped. */
    private record Wanted(ChannelRequest channel, Map<String, OutputSpec> outputs) {
    }

    /** What the channel was last built from, and the last failure of building it. */
    private record Applied(ChannelPlan plan, List<InputAttachment> attachments, String error) {
    }

    public MediaLiveBackend(MediaLiveClient medialive, SrtInputs inputs, MediaLiveSettings settings,
            ScheduledExecutorService scheduler, Clock clock, ChannelMonitor monitor, PackagingCheck packaging,
            RelayTier relay) {
        this.relay = relay;
        this.packaging = packaging;
        this.medialive = medialive;
        this.previews = new InputPreviews(medialive);
        this.inputs = inputs;
        this.settings = settings;
        this.scheduler = scheduler;
        this.clock = clock;
        this.monitor = monitor;
        this.inputSwitch = new MediaLiveInputSwitch(medialive, clock);
    }

    /**
     * Nothing: MediaLive's inputs are resources that exist either way, and what shows their health
     * is a running channel, which is billed by the hour; its channel starts with the session.
     */
    @Override
    public void warmInputs(String organizationId, ChannelRequest.Inputs inputs) {
    }

    /**
     * The active input's picture while the channel runs ({@link InputPreviews}); MediaLive decodes
     * no input before its channel runs, nor the standby: empty then.
     */
    @Override
    public Optional<byte[]> inputPreview(String organizationId, String input) {
        return aws(() -> channelId(organizationId).map(id -> medialive.describeChannel(b -> b.channelId(id)))
                .filter(channel -> ON.contains(channel.state()))
                .flatMap(channel -> previews.of(channel, input)));
    }

    @Override
    public void startChannel(ChannelRequest channel) {
        servesOrganization(channel.organizationId());
        wanted.compute(channel.organizationId(), (org, w) -> new Wanted(channel,
                w == null || w.channel() == null ? Map.of() : w.outputs()));
        schedule(channel.organizationId());
    }

    @Override
    public void stopChannel(String organizationId) {
        wanted.put(organizationId, new Wanted(null, Map.of()));
        schedule(organizationId);
    }

    @Override
    public void startOutput(String organizationId, OutputSpec output) {
        servesOrganization(organizationId);
        wanted.compute(organizationId, (org, w) -> {
            if (w == null || w.channel() == null) {
                throw new IllegalStateException("no channel runs for this organization");
            }
            Map<String, OutputSpec> outputs = new TreeMap<>(w.outputs());
            outputs.put(output.destinationId(), output);
            return new Wanted(w.channel(), Map.copyOf(outputs));
        });
        if (relay != null && relay.startIfCarried(organizationId, output)) {
            return;
        }
        schedule(organizationId);
    }

    @Override
    public void stopOutput(String organizationId, String destinationId) {
        Wanted before = wanted.computeIfPresent(organizationId, (org, w) -> {
            Map<String, OutputSpec> outputs = new TreeMap<>(w.outputs());
            outputs.remove(destinationId);
            return new Wanted(w.channel(), Map.copyOf(outputs));
        });
        if (relay != null) {
            // the channel keeps the rendition: no update cycle
            relay.stopOutput(organizationId, destinationId);
        } else if (before != null) {
            schedule(organizationId);
        }
        emit(new MediaEvent.OutputStateChanged(organizationId, clock.instant(), destinationId, "stopped", null));
    }

    @Override
    public ChannelStatus status(String organizationId) {
        return aws(() -> readStatus(organizationId));
    }

    private ChannelStatus readStatus(String organizationId) {
        Optional<String> id = channelId(organizationId);
        Wanted w = wanted.get(organizationId);
        if (id.isEmpty()) {
            return ChannelStatus.stopped();
        }
        DescribeChannelResponse channel = medialive.describeChannel(b -> b.channelId(id.get()));
        boolean on = ON.contains(channel.state());
        boolean cycling = w != null && w.channel() != null
                && (scheduled.contains(organizationId) || busy.contains(organizationId));
        if (!on && !cycling) {
            return ChannelStatus.stopped();
        }
        String active = channel.pipelineDetails().stream().map(PipelineDetail::activeInputAttachmentName)
                .filter(n -> n != null).findFirst().orElse(null);
        ChannelHealth health = monitor.health(channel, active, activeInputs.get(organizationId),
                w == null ? Map.of() : w.outputs());
        noteActiveInput(organizationId, active, health);
        Applied last = applied.get(organizationId);
        String state = channel.state() == ChannelState.RUNNING ? "live" : "connecting";
        List<OutputStatus> outputs = (w == null ? Map.<String, OutputSpec>of() : w.outputs()).keySet().stream()
                .map(d -> last != null && last.error() != null ? new OutputStatus(d, "failed", 0, 0, last.error())
                        : new OutputStatus(d, state, 0, 0, null))
                .toList();
        List<OutputStatus> shown = health.outputs(outputs);
        // an alert set on or cleared from an output is a state change, as the local engine reports it
        shown.stream().filter(o -> health.outputChanges().contains(o.destinationId())).forEach(o -> emit(
                new MediaEvent.OutputStateChanged(organizationId, clock.instant(), o.destinationId(), o.state(),
                        o.lastError())));
        ChannelStatus status = new ChannelStatus(true, active, health.inputs(), shown, packaging.warning());
        return relay == null ? status : relay.merge(organizationId, status);
    }

    /** An immediate schedule action on the running channel ({@link MediaLiveInputSwitch}). */
    @Override
    public Optional<String> switchTo(String organizationId, String input, String reason) {
        DescribeChannelResponse channel = aws(() -> channelId(organizationId)
                .map(id -> medialive.describeChannel(b -> b.channelId(id))))
                .filter(c -> ON.contains(c.state()))
                .orElseThrow(() -> new ConflictException("No channel is running: start streaming first."));
        return aws(() -> inputSwitch.switchTo(channel, input, reason));
    }

    /**
     * Not offered on MediaLive yet: it would be a schedule action (an input switch to a slate file
     * input, or a full-frame static image with the audio muted), which needs a slate asset in S3.
     */
    @Override
    public void pause(String organizationId, boolean pause) {
        throw new ConflictException("Pause all is available with the local media engine only; on MediaLive, stop"
                + " the destinations instead.");
    }

    /** A MediaLive failure as the port reports it: the error code, never the request. */
    private static <T> T aws(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw new MediaBackendUnavailableException(AwsErrors.describe("MediaLive", e), e);
        }
    }

    @Override
    public AutoCloseable subscribe(Consumer<MediaEvent> listener) {
        listeners.add(listener);
        AutoCloseable relayEvents = relay == null ? () -> { } : relay.subscribe(listener);
        return () -> {
            listeners.remove(listener);
            relayEvents.close();
        };
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    /** Brings the organization's channel to what is wanted now; runs on the scheduler. */
    synchronized void reconcile(String organizationId) {
        busy.add(organizationId);
        scheduled.remove(organizationId);
        Wanted w = wanted.get(organizationId);
        try {
            if (w == null || w.channel() == null) {
                stop(organizationId);
                return;
            }
            apply(organizationId, w);
        } catch (SdkException | RestClientException | IllegalArgumentException | IllegalStateException e) {
            String error = safeMessage(e);
            log.warn("channel of {} not applied: {}", organizationId, error);
            applied.put(organizationId, new Applied(null, null, error));
            if (w != null) {
                w.outputs().keySet().forEach(d -> emit(new MediaEvent.OutputStateChanged(organizationId,
                        clock.instant(), d, "failed", error)));
            }
        } finally {
            busy.remove(organizationId);
        }
    }

    private void apply(String org, Wanted w) {
        ChannelRequest spec = w.channel();
        Optional<String> existing = channelId(org);
        // a new channel: its packaging is checked before anything is stored or created for it
        boolean checked = existing.isEmpty();
        if (checked) {
            packaging.beforeBuild();
        }
        SrtInputs.Planned a = inputs.plan(org, "videon-a", spec.inputs().primary());
        SrtInputs.Planned b = "single".equals(spec.inputs().mode()) ? null
                : inputs.plan(org, "videon-b", spec.inputs().secondary());
        boolean inputsChange = a.changed() || (b != null && b.changed());
        if (inputsChange && existing.isPresent()) {
            // the channel is rebuilt below: checked before it is stopped for its inputs
            packaging.beforeBuild();
            checked = true;
            if (stopIfOn(org, existing.get(), w)) {
                applied.remove(org);
            }
        }
        String primary = inputs.apply(org, a);
        String secondary = b == null ? null : inputs.apply(org, b);
        List<InputAttachment> attachments = FailoverMapping.attachments(spec.inputs(), primary, secondary);
        // with the relay the channel sends renditions to it, opened first so that MediaLive finds them listening
        RelayRoute route = relay == null ? null : relay.route(org, spec.sessionId(), w.outputs().values());
        ChannelPlan plan = route == null
                ? ChannelPlan.of(org, spec.sessionId(), spec.recording(), w.outputs().values(), settings)
                : ChannelPlan.of(org, spec.sessionId(), spec.recording(), List.of(), route, settings);
        Applied last = applied.get(org);
        if (existing.isEmpty()) {
            String name = channelName(org);
            String id = medialive.createChannel(c -> c.name(name).roleArn(settings.channelRoleArn())
                    .channelClass(ChannelClass.SINGLE_PIPELINE).logLevel(LogLevel.WARNING)
                    .inputSpecification(INPUT_SPECIFICATION).inputAttachments(attachments)
                    .destinations(plan.destinations()).encoderSettings(plan.encoderSettings())
                    .tags(inputs.tags(org, name))).channel().id();
            channelIds.put(org, id);
            awaitState(id, ChannelState.IDLE);
            start(org, id, w);
        } else {
            String id = existing.get();
            ChannelState state = medialive.describeChannel(d -> d.channelId(id)).state();
            boolean same = last != null && plan.equals(last.plan()) && attachments.equals(last.attachments());
            if (ON.contains(state) && same) {
                relayOutputs(org, route);
                return;
            }
            if (!checked) {
                packaging.beforeBuild();
            }
            // MediaLive changes outputs only on an idle channel: the update cycle (docs/aws.md)
            stopIfOn(org, id, w);
            medialive.updateChannel(u -> u.channelId(id).inputAttachments(attachments)
                    .inputSpecification(INPUT_SPECIFICATION)
                    .destinations(plan.destinations()).encoderSettings(plan.encoderSettings()));
            awaitState(id, ChannelState.IDLE);
            start(org, id, w);
        }
        applied.put(org, new Applied(plan, attachments, null));
        relayOutputs(org, route);
    }

    /** The channel sends the route's renditions now: the wanted destinations go on the relay. */
    private void relayOutputs(String org, RelayRoute route) {
        if (route != null) {
            relay.carrying(org, route, () -> {
                Wanted now = wanted.get(org);
                return now == null || now.channel() == null ? List.of() : now.outputs().values();
            });
        }
    }

    /** Stops a channel that is on and waits until it is idle; true if it was on. */
    private boolean stopIfOn(String org, String id, Wanted w) {
        if (!ON.contains(medialive.describeChannel(d -> d.channelId(id)).state())) {
            return false;
        }
        w.outputs().keySet().forEach(d -> emit(new MediaEvent.OutputStateChanged(org, clock.instant(), d,
                "connecting", null)));
        medialive.stopChannel(s -> s.channelId(id));
        awaitState(id, ChannelState.IDLE);
        return true;
    }

    private void start(String org, String id, Wanted w) {
        medialive.startChannel(b -> b.channelId(id));
        w.outputs().keySet().forEach(d -> emit(new MediaEvent.OutputStateChanged(org, clock.instant(), d,
                "connecting", null)));
    }

    private void stop(String org) {
        if (relay != null) {
            relay.stop(org);
        }
        Optional<String> id = channelId(org);
        if (id.isPresent() && ON.contains(medialive.describeChannel(b -> b.channelId(id.get())).state())) {
            medialive.stopChannel(b -> b.channelId(id.get()));
        }
        applied.remove(org);
        activeInputs.remove(org);
    }

    private static final InputSpecification INPUT_SPECIFICATION = InputSpecification.builder()
            .codec(InputCodec.AVC).resolution(InputResolution.HD).maximumBitrate(InputMaximumBitrate.MAX_20_MBPS)
            .build();

    String channelName(String org) {
        return org + "-" + settings.environment() + "-live";
    }

    /** The channel's id: remembered, or found by its name after a restart. */
    private Optional<String> channelId(String org) {
        String known = channelIds.get(org);
        if (known != null) {
            return Optional.of(known);
        }
        String name = channelName(org);
        Optional<String> found = medialive.listChannelsPaginator(b -> b.maxResults(100)).channels().stream()
                .filter(c -> name.equals(c.name())).map(c -> c.id()).findFirst();
        found.ifPresent(id -> channelIds.put(org, id));
        return found;
    }

    private void awaitState(String id, ChannelState target) {
        Instant deadline = clock.instant().plus(settings.stateTimeout());
        while (true) {
            ChannelState state = medialive.describeChannel(d -> d.channelId(id)).state();
            if (state == target) {
                return;
            }
            if (state == ChannelState.CREATE_FAILED || state == ChannelState.UPDATE_FAILED) {
                throw new IllegalStateException("MediaLive channel " + id + " is " + state);
            }
            if (clock.instant().isAfter(deadline)) {
                throw new IllegalStateException("MediaLive channel " + id + " did not become " + target);
            }
            try {
                Thread.sleep(settings.pollInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for channel " + id);
            }
        }
    }

    private void noteActiveInput(String org, String active, ChannelHealth health) {
        if (active == null) {
            return;
        }
        String before = activeInputs.put(org, active);
        if (before != null && !before.equals(active)) {
            emit(new MediaEvent.InputSwitched(org, clock.instant(), before, active,
                    health.switchReason(before, active)));
        }
    }

    /** Another organization's session must not reach this organization's packaging and bucket. */
    private void servesOrganization(String org) {
        if (!settings.organizationId().equals(org)) {
            throw new IllegalStateException("this deployment's media stack serves one organization only");
        }
    }

    private void schedule(String org) {
        if (scheduled.add(org)) {
            scheduler.schedule(() -> reconcile(org), settings.settle().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void emit(MediaEvent event) {
        listeners.forEach(l -> l.accept(event));
    }

    /** An error text without request contents (destinations hold stream keys). */
    private static String safeMessage(Exception e) {
        if (e instanceof SdkException aws) {
            return AwsErrors.describe("MediaLive", aws);
        }
        if (e instanceof RestClientResponseException relayRefused) {
            // the relay's answer body may echo an output's publish URL: only its status is kept
            return "relay refused: HTTP " + relayRefused.getStatusCode().value();
        }
        if (e instanceof RestClientException) {
            return "relay unreachable";
        }
        return e.getMessage();
    }
}
