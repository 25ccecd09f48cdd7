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
import io.lunora.engine.rendition.EncoderStatus;
import io.lunora.engine.rendition.RenditionEncoder;
import io.lunora.engine.rendition.RenditionPreset;
import io.lunora.engine.rendition.SourceFormat;
import io.lunora.engine.rendition.SourceProbe;
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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 */
public final class Channel implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Channel.class);
    /** About a second of program is probed; past this the source counts as unknown (encoded). */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    private final String organizationId;
    private final ChannelResources resources;
    private final ProgramBus bus = new ProgramBus();
    private final Switcher switcher;
    private final ScheduledExecutorService ticker;
    /** Sorted: the status lists {@code primary} before {@code secondary}. */
    private final Map<String, SrtInput> inputs = new TreeMap<>();
    private final Map<String, InputPreview> previews = new HashMap<>();
    private final Map<String, SrtInputSettings> inputSettings = new HashMap<>();
    private final Map<RenditionPreset, RenditionEncoder> renditions = new HashMap<>();
    private final Map<String, Output> outputs = new LinkedHashMap<>();
    private ChannelConfig config;
    /** Volatile: the switcher's event callback reads it without the channel's lock (lock order). */
    private volatile Session session;

    /** {@code preset} as asked for; {@code rendition} what runs (a passthrough preset may be encoded). */
    private record Output(Pusher pusher, RenditionPreset preset, RenditionPreset rendition, PublishEndpoint target) {
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

    /** A channel with its inputs warm and no session. */
    static Channel standby(String organizationId, ChannelConfig inputs, ChannelResources resources) {
        return new Channel(organizationId, inputs, resources);
    }

    private Channel(String organizationId, ChannelConfig config, ChannelResources resources) {
        this.organizationId = organizationId;
        this.resources = resources;
        this.config = config;
        this.switcher = new Switcher(config.switching(), bus, this::switched);
        setInput(SwitchEvent.PRIMARY, config.primary());
        setInput(SwitchEvent.SECONDARY, config.secondary());
        this.ticker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("switcher-" + organizationId).daemon().factory());
        ticker.scheduleAtFixedRate(this::tick, 20, 20, TimeUnit.MILLISECONDS);
    }

    static Path hlsFolder(ChannelResources resources, String organizationId) {
        return resources.properties().dataDir().resolve("hls").resolve(organizationId);
    }

    /** Where an input's preview picture is written; outside the HLS folder, which viewers may read. */
    static Path previewFile(ChannelResources resources, String organizationId, String inputId) {
        return resources.properties().dataDir().resolve("previews").resolve(organizationId).resolve(inputId + ".jpg");
    }

    private void tick() {
        try {
            switcher.tick();
        } catch (RuntimeException e) {
            log.warn("switcher tick failed: {}", e.getClass().getSimpleName());
        }
    }

    /** Applies changed inputs and switching rules; unchanged inputs keep running untouched. */
    synchronized void applyInputs(ChannelConfig changed) {
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
    synchronized void beginSession(ChannelConfig wanted) {
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

    boolean inSession() {
        return session != null;
    }

    /** The SRT ports this channel listens on, for the engine's check that two channels never share one. */
    synchronized List<Integer> listenerPorts() {
        return inputSettings.values().stream().filter(SrtInputSettings::listener).map(SrtInputSettings::port).toList();
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
    synchronized Optional<Path> preview(String inputId) {
        return Optional.ofNullable(previews.get(inputId)).map(InputPreview::file).filter(Files::isRegularFile);
    }

    private void setRecording(ChannelConfig wanted) {
        if (session.recorder != null) {
            session.recorder.close();
            session.recorder = null;
        }
        if (wanted.recording()) {
            session.recorder = new ProgramRecorder(resources.properties().dataDir().resolve("recordings")
                    .resolve(organizationId).resolve(wanted.sessionId()),
                    Duration.ofSeconds(resources.properties().recording().segmentSeconds()), bus);
        }
    }

    /**
     * Starts one destination, or restarts it when its preset or URL changed or it had failed;
     * the same request for a running destination changes nothing.
     */
    synchronized void startOutput(String destinationId, RenditionPreset preset, PublishEndpoint target) {
        if (session == null) {
            throw new ConflictException("The channel of " + organizationId + " has no session: start one first.");
        }
        Output existing = outputs.get(destinationId);
        if (existing != null) {
            OutputState state = existing.pusher().status().state();
            if (existing.preset().equals(preset) && existing.target().equals(target)
                    && state != OutputState.FAILED && state != OutputState.STOPPED) {
                return;
            }
            stopOutput(destinationId);
        }
        RenditionPreset wanted = preset.passthrough() ? passthroughOrEncoded(destinationId, preset) : preset;
        RenditionEncoder rendition = renditions.computeIfAbsent(wanted, p -> {
            RenditionEncoder encoder = new RenditionEncoder(p, resources.ffmpeg(), resources.pool(), bus,
                    resources.registry());
            encoder.start();
            return encoder;
        });
        Pusher pusher = new Pusher(destinationId, target, rendition, resources.ffmpeg(),
                resources.pool(), resources.redactor(), resources.registry(),
                resources.properties().outputMaxAttempts(), status -> resources.outputChanged(organizationId, status));
        outputs.put(destinationId, new Output(pusher, preset, wanted, target));
        pusher.start();
    }

    /**
     * A passthrough preset copies the program only when what is on air now (a live input, not the
     * slate) fits its declared settings; otherwise the destination gets those settings encoded, so
     * that it never receives a stream other than the one its preset promises. Decided once, when
     * the destination starts: a later switch to another input is copied as it comes.
     */
    private RenditionPreset passthroughOrEncoded(String destinationId, RenditionPreset preset) {
        String onAir = switcher.onAir();
        Optional<SourceFormat> source = onAir == null || SwitchEvent.SLATE.equals(onAir) ? Optional.empty()
                : new SourceProbe(resources.ffmpeg(), PROBE_TIMEOUT).probe(bus);
        if (source.isPresent() && preset.fits(source.get())) {
            log.info("Output {} copies the source ({})", destinationId, source.get().describe());
            return preset;
        }
        log.info("Output {} encodes its passthrough preset as {}: {}", destinationId, preset.encoded().label(), source
                .map(s -> "the source (" + s.describe() + ") does not fit it").orElse("no live source to copy"));
        return preset.encoded();
    }

    /** Stops one destination; its encoder stops too when no other destination uses it. */
    synchronized void stopOutput(String destinationId) {
        Output output = outputs.remove(destinationId);
        if (output == null) {
            return;
        }
        output.pusher().close();
        releaseRendition(output.rendition());
    }

    private void releaseRendition(RenditionPreset preset) {
        if (outputs.values().stream().noneMatch(o -> o.rendition().equals(preset))) {
            RenditionEncoder encoder = renditions.remove(preset);
            if (encoder != null) {
                encoder.close();
            }
        }
    }

    synchronized void switchTo(String inputId, String reason) {
        if (!inputs.containsKey(inputId)) {
            throw new ConflictException("The channel has no " + inputId + " input.");
        }
        switcher.switchTo(inputId, reason);
    }

    /** "Pause all" (the slate on air for every output, their connections kept) or back to the selected input. */
    synchronized void pause(boolean pause) {
        if (session == null) {
            throw new ConflictException("No session runs: there is nothing on air to pause.");
        }
        if (pause) {
            switcher.pause();
        } else {
            switcher.resume();
        }
    }

    synchronized ChannelState state() {
        List<EngineStatus.Output> outputStates = new ArrayList<>();
        for (Output output : outputs.values()) {
            RenditionEncoder encoder = renditions.get(output.rendition());
            outputStates.add(ChannelState.output(output.pusher(), encoder == null ? null : encoder.status()));
        }
        List<EncoderStatus> encoders = new ArrayList<>();
        renditions.values().forEach(r -> encoders.add(r.status()));
        if (session != null && session.hls != null) {
            encoders.add(session.hls.status());
        }
        return new ChannelState(session != null, session != null ? ChannelState.CHANNEL : ChannelState.STANDBY, switcher.selected(), switcher.onAir(),
                inputs.values().stream().map(this::statusOf).toList(), outputStates, encoders, switcher.paused());
    }

    private InputStatus statusOf(SrtInput input) {
        InputStatus status = input.status();
        InputPreview preview = previews.get(status.inputId());
        return preview == null ? status : status.withMedia(preview.media().orElse(null));
    }

    /** The renditions running now, for tests and metrics. */
    synchronized List<RenditionPreset> renditions() {
        return List.copyOf(renditions.keySet());
    }

    /**
     * Ends the session: stops its outputs, encoders and the program's readers at once, each part on
     * its own (a part that fails or hangs never keeps another running), within the engine's stop
     * deadline. The inputs stay warm.
     */
    synchronized void endSession() {
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
    public synchronized void close() {
        ticker.shutdownNow();
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
        if (event.from() == null || "started".equals(event.reason()) || !inSession()) {
            return; // the first pictures and what happens before a session are not a session's switches
        }
        resources.events().switched(new EngineEvents.SwitchEvent(organizationId, event.time().toString(), event.from(),
                event.to(), "failover".equals(event.reason()) ? "input_loss" : event.reason()));
    }
}
