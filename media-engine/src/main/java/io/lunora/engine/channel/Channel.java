package io.lunora.engine.channel;

import io.lunora.engine.EngineProperties;
import io.lunora.engine.events.EngineEvents;
import io.lunora.engine.hls.HlsLadder;
import io.lunora.engine.ingest.SrtInput;
import io.lunora.engine.ingest.SrtInputSettings;
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
import io.lunora.engine.thumbnail.ThumbnailWriter;
import io.lunora.model.media.OutputState;
import io.lunora.model.media.SwitchEvent;
import io.lunora.support.problem.ConflictException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One organization's channel: its SRT inputs, the slate and the switcher that make the program,
 * the HLS ladder, the thumbnail and the recorder that read it, one rendition encoder per distinct preset in use
 * and one pusher per destination fed from its rendition. Destinations with equal presets share
 * an encoder; the encoder stops with its last destination. Output state changes and switches go
 * to the engine's event stream.
 */
public final class Channel implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Channel.class);
    /** About a second of program is probed; past this the source counts as unknown (encoded). */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    private final String organizationId;
    private final ChannelResources resources;
    private final ProgramBus bus = new ProgramBus();
    private final Switcher switcher;
    private final Slate slate;
    private final HlsLadder hls;
    private final ThumbnailWriter thumbnail;
    private final ScheduledExecutorService ticker;
    private final Map<String, SrtInput> inputs = new HashMap<>();
    private final Map<String, SrtInputSettings> inputSettings = new HashMap<>();
    private final Map<RenditionPreset, RenditionEncoder> renditions = new HashMap<>();
    private final Map<String, Output> outputs = new LinkedHashMap<>();
    private ChannelConfig config;
    private ProgramRecorder recorder;

    /** {@code preset} as asked for; {@code rendition} what runs (a passthrough preset may be encoded). */
    private record Output(Pusher pusher, RenditionPreset preset, RenditionPreset rendition, String publishUrl) {
    }

    Channel(String organizationId, ChannelConfig config, ChannelResources resources) {
        this.organizationId = organizationId;
        this.resources = resources;
        this.config = config;
        this.switcher = new Switcher(config.switching(), bus, this::switched);
        EngineProperties.Slate picture = resources.properties().slate();
        this.slate = new Slate(picture.width(), picture.height(), picture.frameRate(), resources.ffmpeg(),
                resources.pool(), switcher);
        setInput(SwitchEvent.PRIMARY, config.primary());
        setInput(SwitchEvent.SECONDARY, config.secondary());
        slate.start();
        EngineProperties.Hls hlsSettings = resources.properties().hls();
        this.hls = hlsSettings.enabled() ? new HlsLadder(organizationId, hlsFolder(resources, organizationId),
                hlsSettings, resources.ffmpeg(), resources.pool(), bus, resources.registry()) : null;
        if (hls != null) {
            hls.start();
        }
        this.thumbnail = new ThumbnailWriter(organizationId, hlsFolder(resources, organizationId),
                resources.properties().thumbnail(), resources.ffmpeg(), resources.pool(), bus);
        thumbnail.start();
        setRecording(config);
        this.ticker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("switcher-" + organizationId).daemon().factory());
        ticker.scheduleAtFixedRate(this::tick, 20, 20, TimeUnit.MILLISECONDS);
    }

    static Path hlsFolder(ChannelResources resources, String organizationId) {
        return resources.properties().dataDir().resolve("hls").resolve(organizationId);
    }

    private void tick() {
        try {
            switcher.tick();
        } catch (RuntimeException e) {
            log.warn("switcher tick failed: {}", e.getClass().getSimpleName());
        }
    }

    /** Applies a changed configuration to the running channel; unchanged parts keep running untouched. */
    synchronized void apply(ChannelConfig changed) {
        switcher.configure(changed.switching());
        setInput(SwitchEvent.PRIMARY, changed.primary());
        setInput(SwitchEvent.SECONDARY, changed.secondary());
        if (changed.recording() != config.recording() || !changed.sessionId().equals(config.sessionId())) {
            setRecording(changed);
        }
        config = changed;
    }

    private void setInput(String inputId, SrtInputSettings settings) {
        if (Objects.equals(inputSettings.get(inputId), settings)) {
            return;
        }
        SrtInput old = inputs.remove(inputId);
        inputSettings.remove(inputId);
        if (old != null) {
            switcher.detach(inputId);
            old.close();
        }
        if (settings != null) {
            resources.redactor().register(settings.passphrase());
            resources.redactor().register(settings.streamId());
            SrtInput input = new SrtInput(settings, resources.ffmpeg(), resources.pool(), switcher,
                    resources.properties().jitterBuffer());
            inputs.put(inputId, input);
            inputSettings.put(inputId, settings);
            switcher.attach(inputId, input);
            input.start();
        }
    }

    private void setRecording(ChannelConfig wanted) {
        if (recorder != null) {
            recorder.close();
            recorder = null;
        }
        if (wanted.recording()) {
            recorder = new ProgramRecorder(resources.properties().dataDir().resolve("recordings").resolve(organizationId)
                    .resolve(wanted.sessionId()), Duration.ofSeconds(resources.properties().recording().segmentSeconds()),
                    bus);
        }
    }

    /**
     * Starts one destination, or restarts it when its preset or URL changed or it had failed;
     * the same request for a running destination changes nothing.
     */
    synchronized void startOutput(String destinationId, RenditionPreset preset, String publishUrl) {
        Output existing = outputs.get(destinationId);
        if (existing != null) {
            OutputState state = existing.pusher().status().state();
            if (existing.preset().equals(preset) && existing.publishUrl().equals(publishUrl)
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
        Pusher pusher = new Pusher(destinationId, publishUrl, streamKeyOf(publishUrl), rendition, resources.ffmpeg(),
                resources.pool(), resources.redactor(), resources.registry(),
                resources.properties().outputMaxAttempts(), status -> resources.outputChanged(organizationId, status));
        outputs.put(destinationId, new Output(pusher, preset, wanted, publishUrl));
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

    synchronized ChannelState state() {
        List<ChannelState.Output> outputStates = new ArrayList<>();
        for (Output output : outputs.values()) {
            RenditionEncoder encoder = renditions.get(output.rendition());
            outputStates.add(ChannelState.Output.of(output.pusher(), encoder == null ? null : encoder.status()));
        }
        List<EncoderStatus> encoders = new ArrayList<>();
        renditions.values().forEach(r -> encoders.add(r.status()));
        if (hls != null) {
            encoders.add(hls.status());
        }
        return new ChannelState(true, ChannelState.CHANNEL, switcher.selected(), switcher.onAir(),
                inputs.values().stream().map(SrtInput::status).toList(), outputStates, encoders);
    }

    /** The renditions running now, for tests and metrics. */
    synchronized List<RenditionPreset> renditions() {
        return List.copyOf(renditions.keySet());
    }

    /**
     * Stops everything of the channel at once, each part on its own (a part that fails or hangs
     * never keeps another running); returns within the engine's stop deadline.
     */
    @Override
    public synchronized void close() {
        ticker.shutdownNow();
        List<AutoCloseable> parts = new ArrayList<>();
        outputs.values().forEach(o -> parts.add(o.pusher()));
        parts.addAll(renditions.values());
        if (recorder != null) {
            parts.add(recorder);
        }
        parts.add(thumbnail);
        if (hls != null) {
            parts.add(hls);
        }
        parts.addAll(inputs.values());
        parts.add(slate);
        outputs.clear();
        renditions.clear();
        inputs.clear();
        CloseAll.of("channel of " + organizationId, parts, resources.properties().stopDeadline());
    }

    private void switched(SwitchEvent event) {
        log.info("Channel of {}: {} -> {} ({})", organizationId, event.from(), event.to(), event.reason());
        if (event.from() == null || "started".equals(event.reason())) {
            return; // the channel's first pictures (slate, then the first input) are not switches
        }
        resources.events().switched(new EngineEvents.SwitchEvent(organizationId, event.time().toString(), event.from(),
                event.to(), "failover".equals(event.reason()) ? "input_loss" : event.reason()));
    }


    /**
     * The stream key of an RTMP publish URL: everything after the application name
     * ({@code rtmp://host/app/KEY}). Registered with the redactor so it is masked wherever it shows.
     */
    public static String streamKeyOf(String publishUrl) {
        int scheme = publishUrl.indexOf("://");
        int path = publishUrl.indexOf('/', scheme + 3);
        int key = path < 0 ? -1 : publishUrl.indexOf('/', path + 1);
        return key < 0 || key == publishUrl.length() - 1 ? null : publishUrl.substring(key + 1);
    }
}
