package io.lunora.engine.channel;

import io.lunora.engine.EngineProperties;
import io.lunora.engine.events.EngineEvents;
import io.lunora.engine.hls.HlsLadder;
import io.lunora.engine.ingest.SrtInput;
import io.lunora.engine.ingest.SrtInputSettings;
import io.lunora.engine.output.PublishEndpoint;
import io.lunora.engine.output.Pusher;
import io.lunora.engine.process.CloseAll;
import io.lunora.engine.program.ProgramBus;
import io.lunora.engine.program.Slate;
import io.lunora.engine.program.Switcher;
import io.lunora.engine.recording.ProgramRecorder;
import io.lunora.engine.recording.RecordingFolders;
import io.lunora.engine.rendition.EncoderStatus;
import io.lunora.engine.rendition.RenditionEncoder;
import io.lunora.engine.rendition.RenditionPreset;
import io.lunora.engine.rendition.SourceFormat;
import io.lunora.engine.rendition.SourceProbe;
import io.lunora.engine.rendition.PresetMapping;
import io.lunora.engine.workload.OutputPlan;
import io.lunora.engine.workload.Workload;
import io.lunora.engine.workload.WorkloadResources;
import io.lunora.engine.workload.WorkloadState;
import io.lunora.model.preset.EncodingPreset;
import io.lunora.engine.thumbnail.InputPreview;
import io.lunora.engine.thumbnail.ThumbnailWriter;
import io.lunora.model.media.EngineStatus;
import io.lunora.model.media.InputStatus;
import io.lunora.model.media.OutputState;
import io.lunora.model.media.SwitchEvent;
import io.lunora.support.problem.ConflictException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One organization's channel. Its SRT inputs run whenever the organization has a source
 * configuration ({@link #standby}): they listen (or call) before any session, so the operator sees
 * each input's health and a preview picture, and the switcher already knows which input plays.
 * A session ({@link #beginSession}) adds what makes and serves the program: the slate, the HLS
 * ladder, the program's thumbnail, the recorder, one rendition encoder per distinct preset in use
 * and one pusher per destination fed from its rendition. Destinations with equal presets share an
 * encoder; the encoder stops with its last destination. {@link #endSession} stops all of that and
 * leaves the inputs warm. Output state changes and a session's switches go to the engine's event
 * stream.
 *
 * <p>An encoder that falls behind real time even at the fastest x264 step makes the channel shed
 * work ({@link OutputShedding}): the encoder of the destinations that are not marked priority and
 * started last stops, its destinations {@code failed} with {@link OutputShedding#REASON}; a new
 * start of such a destination brings it back.
 *
 * <p>Confined to the organization's run loop ({@link Workload}): no method takes a lock; the
 * switcher runs on a loop of its own (commands to it wait for it within a deadline), the children
 * and their callbacks on threads of their own.
 */
public final class Channel implements Workload {
    private static final Logger log = LoggerFactory.getLogger(Channel.class);
    /** About a second of program is probed; past this the source counts as unknown (encoded). */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    private final String organizationId;
    private final WorkloadResources resources;
    /** The organization's run loop, which this channel is confined to: encoders post their overload there. */
    private final Executor loop;
    private final OutputShedding shedding = new OutputShedding();
    /** Grows with each output start: which destination started last. */
    private long starts;
    private final ProgramBus bus = new ProgramBus();
    private final Switcher switcher;
    /** Sorted: the status lists {@code primary} before {@code secondary}. */
    private final Map<String, SrtInput> inputs = new TreeMap<>();
    private final Map<String, InputPreview> previews = new HashMap<>();
    private final Map<String, SrtInputSettings> inputSettings = new HashMap<>();
    private final Map<RenditionPreset, RenditionEncoder> renditions = new HashMap<>();
    private final Map<String, Output> outputs = new LinkedHashMap<>();
    private ChannelConfig config;
    /** Volatile: the switcher's event callback reads it on the switcher's thread. */
    private volatile Session session;

    /**
     * {@code preset} as asked for; {@code rendition} what runs (a passthrough preset may be encoded);
     * {@code priority} the destination is marked priority (never shed); {@code startOrder} when it started.
     */
    private record Output(Pusher pusher, RenditionPreset preset, RenditionPreset rendition, boolean priority,
            long startOrder) {
        Output withPriority(boolean marked) {
            return new Output(pusher, preset, rendition, marked, startOrder);
        }
    }

    /** What runs only while a session is on: the slate and the program's readers. */
    private static final class Session {
        final String sessionId;
        final Slate slate;
        final HlsLadder hls;
        final ThumbnailWriter thumbnail;
        ProgramRecorder recorder;

        Session(String sessionId, Slate slate, HlsLadder hls, ThumbnailWriter thumbnail) {
            this.sessionId = sessionId;
            this.slate = slate;
            this.hls = hls;
            this.thumbnail = thumbnail;
        }
    }

    /**
     * A channel with its inputs warm and no session.
     *
     * @param loop the organization's run loop, which calls every method of the channel
     */
    public static Channel standby(String organizationId, ChannelConfig inputs, WorkloadResources resources,
            Executor loop) {
        return new Channel(organizationId, inputs, resources, loop);
    }

    private Channel(String organizationId, ChannelConfig config, WorkloadResources resources, Executor loop) {
        this.organizationId = organizationId;
        this.resources = resources;
        this.loop = loop;
        this.config = config;
        this.switcher = new Switcher(organizationId, config.switching(), bus, this::switched);
        setInput(SwitchEvent.PRIMARY, config.primary());
        setInput(SwitchEvent.SECONDARY, config.secondary());
    }

    static Path hlsFolder(WorkloadResources resources, String organizationId) {
        return resources.properties().dataDir().resolve("hls").resolve(organizationId);
    }

    /** Where an input's preview picture is written; outside the HLS folder, which viewers may read. */
    static Path previewFile(WorkloadResources resources, String organizationId, String inputId) {
        return resources.properties().dataDir().resolve("previews").resolve(organizationId).resolve(inputId + ".jpg");
    }

    /** Applies changed inputs and switching rules; unchanged inputs keep running untouched. */
    public void applyInputs(ChannelConfig changed) {
        switcher.configure(changed.switching());
        setInput(SwitchEvent.PRIMARY, changed.primary());
        setInput(SwitchEvent.SECONDARY, changed.secondary());
        config = new ChannelConfig(config.sessionId(), changed.switching(), changed.primary(), changed.secondary(),
                config.recording());
    }

    /**
     * Starts the session's program (slate, HLS, thumbnail, recorder) on the warm inputs, or applies
     * a changed configuration to the running session; unchanged parts keep running untouched.
     */
    public void beginSession(ChannelConfig wanted) {
        applyInputs(wanted);
        if (session != null && !session.sessionId.equals(wanted.sessionId())) {
            endSession();
        }
        if (session == null) {
            EngineProperties.Slate picture = resources.properties().slate();
            Slate slate = new Slate(picture.width(), picture.height(), picture.frameRate(), resources.ffmpeg(),
                    resources.pool(), switcher);
            EngineProperties.Hls hlsSettings = resources.properties().hls();
            HlsLadder hls = hlsSettings.enabled() ? new HlsLadder(organizationId, hlsFolder(resources, organizationId),
                    hlsSettings, resources.ffmpeg(), resources.pool(), bus, resources.registry()) : null;
            ThumbnailWriter thumbnail = ThumbnailWriter.ofProgram(organizationId, hlsFolder(resources, organizationId),
                    resources.properties().thumbnail(), resources.ffmpeg(), resources.pool(), bus);
            session = new Session(wanted.sessionId(), slate, hls, thumbnail);
            slate.start();
            if (hls != null) {
                hls.start();
            }
            thumbnail.start();
        }
        if (wanted.recording() != (session.recorder != null) || !wanted.sessionId().equals(config.sessionId())) {
            setRecording(wanted);
        }
        config = wanted;
    }

    @Override
    public boolean holdsSlot() {
        return session != null;
    }


    private void setInput(String inputId, SrtInputSettings settings) {
        if (Objects.equals(inputSettings.get(inputId), settings)) {
            return;
        }
        SrtInput old = inputs.remove(inputId);
        InputPreview oldPreview = previews.remove(inputId);
        inputSettings.remove(inputId);
        if (old != null) {
            switcher.detach(inputId);
            CloseAll.of(inputId + " input of " + organizationId, List.of(old, oldPreview),
                    resources.properties().stopDeadline());
        }
        if (settings != null) {
            resources.redactor().register(settings.passphrase());
            resources.redactor().register(settings.streamId());
            InputPreview preview = new InputPreview(organizationId, inputId,
                    previewFile(resources, organizationId, inputId), resources.properties().thumbnail(),
                    resources.ffmpeg(), resources.pool());
            SrtInput input = new SrtInput(settings, resources.ffmpeg(), resources.pool(), switcher,
                    resources.properties().jitterBuffer(), preview.tap());
            inputs.put(inputId, input);
            previews.put(inputId, preview);
            inputSettings.put(inputId, settings);
            switcher.attach(inputId, input);
            preview.start();
            input.start();
        }
    }

    /** The input's latest preview picture, if it has delivered one. */
    public Optional<Path> preview(String inputId) {
        return Optional.ofNullable(previews.get(inputId)).map(InputPreview::file).filter(Files::isRegularFile);
    }

    private void setRecording(ChannelConfig wanted) {
        if (session.recorder != null) {
            session.recorder.close();
            session.recorder = null;
        }
        if (wanted.recording()) {
            session.recorder = new ProgramRecorder(RecordingFolders.of(resources.properties().dataDir())
                    .session(organizationId, wanted.sessionId()),
                    Duration.ofSeconds(resources.properties().recording().segmentSeconds()), bus);
        }
    }

    /**
     * Checks the preset and whether the destination already runs as asked (a changed priority alone
     * is taken at once: the push goes on untouched). A passthrough preset's source is probed in
     * {@link Plan#prepare()}, off the run loop.
     */
    @Override
    public OutputPlan planOutput(String destinationId, EncodingPreset asked, PublishEndpoint target, boolean priority) {
        RenditionPreset preset = PresetMapping.toRendition(asked);
        requireSession();
        Output existing = outputs.get(destinationId);
        boolean unchanged = existing != null && existing.preset().equals(preset) && existing.pusher().runs(target);
        if (unchanged && existing.priority() != priority) {
            outputs.put(destinationId, existing.withPriority(priority));
        }
        return new Plan(destinationId, preset, target, priority, unchanged, switcher.onAir());
    }

    /** Starts the planned destination, or restarts it when its preset or URL changed or it had failed. */
    @Override
    public void startOutput(OutputPlan planned) {
        if (!(planned instanceof Plan plan) || plan.channel() != this) {
            throw new IllegalArgumentException("not a plan of this channel");
        }
        requireSession();
        String destinationId = plan.destinationId();
        stopOutput(destinationId);
        RenditionPreset wanted = plan.rendition;
        RenditionEncoder rendition = renditions.computeIfAbsent(wanted, p -> {
            RenditionEncoder encoder = new RenditionEncoder(p, resources.ffmpeg(), resources.pool(), bus,
                    resources.registry(), resources.saturation(), () -> loop.execute(this::shedToKeepUp));
            encoder.start();
            return encoder;
        });
        Pusher pusher = new Pusher(destinationId, plan.target(), rendition, resources.ffmpeg(),
                resources.pool(), resources.redactor(), resources.registry(),
                resources.properties().outputMaxAttempts(), status -> resources.outputChanged(organizationId, status));
        outputs.put(destinationId, new Output(pusher, plan.preset, wanted, plan.priority, ++starts));
        pusher.start();
    }

    /**
     * An encoder fell behind real time at its fastest step: stops the encoder {@link OutputShedding}
     * chooses and its destinations (state {@code failed}, {@link OutputShedding#REASON}), so that
     * the others, the priority ones first, keep real time.
     */
    private void shedToKeepUp() {
        if (session == null) {
            return;
        }
        List<OutputShedding.Candidate> running = new ArrayList<>();
        outputs.forEach((id, o) -> {
            if (o.pusher().running()) {
                running.add(new OutputShedding.Candidate(id, o.rendition(), o.priority(), o.startOrder()));
            }
        });
        List<String> chosen = shedding.choose(System.nanoTime(), running);
        if (chosen.isEmpty()) {
            log.debug("Channel of {} is behind real time; nothing to shed (held off, priority or last encoder)",
                    organizationId);
            return;
        }
        RenditionPreset rendition = outputs.get(chosen.getFirst()).rendition();
        log.warn("Channel of {} cannot keep real time even at the fastest x264 step: stopping {} ({}) so that the"
                + " other outputs keep the live edge", organizationId, chosen, rendition.label());
        for (String destinationId : chosen) {
            outputs.get(destinationId).pusher().stopFailed(OutputShedding.REASON);
        }
        releaseRendition(rendition);
    }

    private void requireSession() {
        if (session == null) {
            throw new ConflictException("The channel of " + organizationId + " has no session: start one first.");
        }
    }

    /**
     * A destination's start. A passthrough preset copies the program only when what is on air (a
     * live input, not the slate) fits its declared settings; otherwise the destination gets those
     * settings encoded, so that it never receives a stream other than the one its preset promises.
     * Decided once, when the destination starts: a later switch to another input is copied as it comes.
     */
    private final class Plan implements OutputPlan {
        private final String destinationId;
        private final RenditionPreset preset;
        private final PublishEndpoint target;
        private final boolean priority;
        private final boolean unchanged;
        private final String onAir;
        /** What runs: the preset itself, or a passthrough preset's settings encoded. */
        private RenditionPreset rendition;

        Plan(String destinationId, RenditionPreset preset, PublishEndpoint target, boolean priority, boolean unchanged,
                String onAir) {
            this.destinationId = destinationId;
            this.preset = preset;
            this.target = target;
            this.priority = priority;
            this.unchanged = unchanged;
            this.onAir = onAir;
            this.rendition = preset.passthrough() ? preset.encoded() : preset;
        }

        Channel channel() {
            return Channel.this;
        }

        String destinationId() {
            return destinationId;
        }

        PublishEndpoint target() {
            return target;
        }

        @Override
        public boolean unchanged() {
            return unchanged;
        }

        /** Probes about a second of the program (up to {@link #PROBE_TIMEOUT}) for a passthrough preset. */
        @Override
        public void prepare() {
            if (!preset.passthrough()) {
                return;
            }
            Optional<SourceFormat> source = onAir == null || SwitchEvent.SLATE.equals(onAir) ? Optional.empty()
                    : new SourceProbe(resources.ffmpeg(), PROBE_TIMEOUT).probe(bus);
            if (source.isPresent() && preset.fits(source.get())) {
                log.info("Output {} copies the source ({})", destinationId, source.get().describe());
                rendition = preset;
                return;
            }
            log.info("Output {} encodes its passthrough preset as {}: {}", destinationId, preset.encoded().label(),
                    source.map(s -> "the source (" + s.describe() + ") does not fit it").orElse("no live source to copy"));
        }
    }

    /** Stops one destination; its encoder stops too when no other destination uses it. */
    @Override
    public void stopOutput(String destinationId) {
        Output output = outputs.remove(destinationId);
        if (output == null) {
            return;
        }
        output.pusher().close();
        releaseRendition(output.rendition());
    }

    /** Stops the encoder when no running destination uses it (one failed or shed needs a new start anyway). */
    private void releaseRendition(RenditionPreset preset) {
        if (outputs.values().stream().noneMatch(o -> o.rendition().equals(preset) && o.pusher().running())) {
            RenditionEncoder encoder = renditions.remove(preset);
            if (encoder != null) {
                encoder.close();
            }
        }
    }

    public void switchTo(String inputId, String reason) {
        if (!inputs.containsKey(inputId)) {
            throw new ConflictException("The channel has no " + inputId + " input.");
        }
        switcher.switchTo(inputId, reason);
    }

    /** "Pause all" (the slate on air for every output, their connections kept) or back to the selected input. */
    public void pause(boolean pause) {
        if (session == null) {
            throw new ConflictException("No session runs: there is nothing on air to pause.");
        }
        if (pause) {
            switcher.pause();
        } else {
            switcher.resume();
        }
    }

    @Override
    public WorkloadState state() {
        List<EngineStatus.Output> outputStates = new ArrayList<>();
        for (Output output : outputs.values()) {
            RenditionEncoder encoder = renditions.get(output.rendition());
            outputStates.add(WorkloadState.output(output.pusher(), encoder == null ? null : encoder.status()));
        }
        List<EncoderStatus> encoders = new ArrayList<>();
        renditions.values().forEach(r -> encoders.add(r.status()));
        if (session != null && session.hls != null) {
            encoders.add(session.hls.status());
        }
        return new WorkloadState(session != null, session != null ? WorkloadState.CHANNEL : WorkloadState.STANDBY, switcher.selected(), switcher.onAir(),
                inputs.values().stream().map(this::statusOf).toList(), outputStates, encoders, switcher.paused(),
                session != null && session.recorder != null
                        ? new EngineStatus.Recording(session.sessionId, session.recorder.bytesWritten()) : null);
    }

    private InputStatus statusOf(SrtInput input) {
        InputStatus status = input.status();
        InputPreview preview = previews.get(status.inputId());
        return preview == null ? status : status.withMedia(preview.media().orElse(null));
    }

    /** The renditions running now, for tests and metrics. */
    public List<RenditionPreset> renditions() {
        return List.copyOf(renditions.keySet());
    }

    /**
     * Ends the session: stops its outputs, encoders and the program's readers at once, each part on
     * its own (a part that fails or hangs never keeps another running), within the engine's stop
     * deadline. The inputs stay warm.
     */
    public void endSession() {
        List<AutoCloseable> parts = sessionParts();
        session = null;
        outputs.clear();
        renditions.clear();
        config = new ChannelConfig(null, config.switching(), config.primary(), config.secondary(), false);
        CloseAll.of("session of " + organizationId, parts, resources.properties().stopDeadline());
    }

    private List<AutoCloseable> sessionParts() {
        List<AutoCloseable> parts = new ArrayList<>();
        outputs.values().forEach(o -> parts.add(o.pusher()));
        parts.addAll(renditions.values());
        if (session != null) {
            if (session.recorder != null) {
                parts.add(session.recorder);
            }
            parts.add(session.thumbnail);
            if (session.hls != null) {
                parts.add(session.hls);
            }
            parts.add(session.slate);
        }
        return parts;
    }

    /** Stops everything of the channel, inputs included, at once and within the engine's stop deadline. */
    @Override
    public void close() {
        switcher.close();
        List<AutoCloseable> parts = sessionParts();
        parts.addAll(inputs.values());
        parts.addAll(previews.values());
        session = null;
        outputs.clear();
        renditions.clear();
        inputs.clear();
        previews.clear();
        CloseAll.of("channel of " + organizationId, parts, resources.properties().stopDeadline());
    }

    private void switched(SwitchEvent event) {
        log.info("Channel of {}: {} -> {} ({})", organizationId, event.from(), event.to(), event.reason());
        if (event.from() == null || "started".equals(event.reason()) || !holdsSlot()) {
            return; // the first pictures and what happens before a session are not a session's switches
        }
        resources.events().switched(new EngineEvents.SwitchEvent(organizationId, event.time().toString(), event.from(),
                event.to(), "failover".equals(event.reason()) ? "input_loss" : event.reason()));
    }
}
