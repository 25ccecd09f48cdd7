package io.lunora.engine.api;

import io.lunora.engine.EngineProperties;
import io.lunora.engine.channel.ChannelConfig;
import io.lunora.engine.events.EngineEvents;
import io.lunora.engine.output.PublishEndpoint;
import io.lunora.engine.output.PublishGuard;
import io.lunora.engine.ingest.SrtInputSettings;
import io.lunora.engine.orchestration.Orchestrator;
import io.lunora.engine.program.SwitcherSettings;
import io.lunora.model.media.ChannelRequest;
import io.lunora.model.media.EngineStatus;
import io.lunora.model.media.FailbackPolicy;
import io.lunora.model.media.OutputRequest;
import io.lunora.model.media.RedundancyMode;
import io.lunora.model.media.SwitchEvent;
import io.lunora.model.media.SwitchRequest;
import io.lunora.support.problem.InvalidFieldException;
import io.lunora.support.problem.NotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import jakarta.validation.Valid;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The engine's internal API (docs/architecture.md, "Internal endpoints"): channels, outputs,
 * switching, status and the event stream. Outputs and status serve a relay ({@link RelayController})
 * the same way: the {@link Orchestrator} hands them to whichever the organization runs. Only service tokens with scope {@code internal} reach it.
 */
@RestController
@RequestMapping("/internal/engine")
class ChannelController {
    private static final Logger log = LoggerFactory.getLogger(ChannelController.class);
    static final String ID = ChannelRequest.ID;

    private final Orchestrator engine;
    private final EngineEvents events;
    private final PublishGuard publishGuard;
    private final Duration slateAfter;
    private final Duration restoreAfter;

    ChannelController(Orchestrator engine, EngineEvents events, PublishGuard publishGuard,
            EngineProperties properties) {
        this.engine = engine;
        this.publishGuard = publishGuard;
        this.events = events;
        this.slateAfter = properties.slateAfter();
        this.restoreAfter = properties.restoreAfter();
    }

    @PutMapping("/channels/{organization}")
    ResponseEntity<Void> start(@PathVariable String organization,
            @Valid @RequestBody ChannelRequest body) {
        requireId("organization", organization);
        if (!organization.equals(body.organizationId())) {
            throw new InvalidFieldException("organization_id", "must be the organization of the path");
        }
        engine.start(organization, config(body, slateAfter, restoreAfter));
        return ResponseEntity.noContent().build();
    }

    /** The organization's inputs, kept running before and between sessions (health, preview, switch test). */
    @PutMapping("/channels/{organization}/inputs")
    ResponseEntity<Void> warm(@PathVariable String organization, @Valid @RequestBody ChannelRequest.Inputs body) {
        requireId("organization", organization);
        engine.warm(organization, inputs(null, body, false, slateAfter, restoreAfter, ""));
        return ResponseEntity.noContent().build();
    }

    /** Ends the session; the inputs stay on standby. */
    @DeleteMapping("/channels/{organization}/session")
    ResponseEntity<Void> endSession(@PathVariable String organization) {
        requireId("organization", organization);
        engine.endSession(organization);
        return ResponseEntity.noContent().build();
    }

    /** Stops everything of the organization, its inputs included. */
    @DeleteMapping("/channels/{organization}")
    ResponseEntity<Void> stop(@PathVariable String organization) {
        requireId("organization", organization);
        engine.stop(organization);
        return ResponseEntity.noContent().build();
    }

    /** The input's latest picture; 404 until it has delivered a keyframe. */
    @GetMapping(path = "/channels/{organization}/inputs/{input}/preview", produces = MediaType.IMAGE_JPEG_VALUE)
    ResponseEntity<byte[]> preview(@PathVariable String organization, @PathVariable String input) {
        requireId("organization", organization);
        if (!SwitchEvent.PRIMARY.equals(input) && !SwitchEvent.SECONDARY.equals(input)) {
            throw new InvalidFieldException("input", "must be primary or secondary");
        }
        Path file = engine.preview(organization, input)
                .orElseThrow(() -> new NotFoundException("preview", organization + "/" + input));
        try {
            return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG)
                    .cacheControl(CacheControl.noStore()).body(Files.readAllBytes(file));
        } catch (NoSuchFileException replacedMeanwhile) {
            throw new NotFoundException("preview", organization + "/" + input);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the preview", e);
        }
    }

    @PutMapping("/channels/{organization}/outputs/{destinationId}")
    ResponseEntity<Void> startOutput(@PathVariable String organization,
            @PathVariable String destinationId,
            @Valid @RequestBody OutputRequest body) {
        requireId("organization", organization);
        requireId("destination_id", destinationId);
        PublishEndpoint target = publishGuard.vet(body.target());
        engine.startOutput(organization, destinationId, body.preset(), target, body.priority());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/channels/{organization}/outputs/{destinationId}")
    ResponseEntity<Void> stopOutput(@PathVariable String organization,
            @PathVariable String destinationId) {
        requireId("organization", organization);
        requireId("destination_id", destinationId);
        engine.stopOutput(organization, destinationId);
        return ResponseEntity.noContent().build();
    }

    /**
     * The switch event says {@code manual}, a machine reason like the switcher's own; the operator's
     * words ({@link SwitchRequest#reason()}, free text) go to the log beside it.
     */
    @PostMapping("/channels/{organization}/switch")
    ResponseEntity<Void> switchInput(@PathVariable String organization,
            @Valid @RequestBody SwitchRequest body) {
        requireId("organization", organization);
        engine.switchTo(organization, body.input(), SwitchEvent.MANUAL);
        log.info("manual switch of {} to {}: {}", organization, body.input(),
                body.reason() == null ? "no reason given" : body.reason());
        return ResponseEntity.noContent().build();
    }

    /** "Pause all": the slate on air for every output, their connections kept; idempotent. */
    @PutMapping("/channels/{organization}/pause")
    ResponseEntity<Void> pause(@PathVariable String organization) {
        requireId("organization", organization);
        engine.pause(organization, true);
        log.info("program of {} paused: slate on air", organization);
        return ResponseEntity.noContent().build();
    }

    /** Back to the selected input from its latest keyframe; idempotent. */
    @DeleteMapping("/channels/{organization}/pause")
    ResponseEntity<Void> resume(@PathVariable String organization) {
        requireId("organization", organization);
        engine.pause(organization, false);
        log.info("program of {} resumed", organization);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/channels/{organization}")
    EngineStatus status(@PathVariable String organization) {
        requireId("organization", organization);
        return engine.state(organization).answer();
    }

    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events() {
        return events.subscribe();
    }

    /**
     * Path identifiers are checked here rather than by annotations: method validation would
     * report a body's field errors under the parameter's name instead of the field's.
     */
    static void requireId(String field, String value) {
        if (!value.matches(ID)) {
            throw new InvalidFieldException(field, ChannelRequest.ID_MESSAGE);
        }
    }

    /** The checks Bean Validation cannot express, then the engine's own settings. */
    static ChannelConfig config(ChannelRequest body, Duration slateAfter, Duration restoreAfter) {
        return inputs(body.sessionId(), body.inputs(), body.recording(), slateAfter, restoreAfter, "inputs.");
    }

    private static ChannelConfig inputs(String sessionId, ChannelRequest.Inputs inputs, boolean recording,
            Duration slateAfter, Duration restoreAfter, String prefix) {
        RedundancyMode mode = RedundancyMode.valueOf(inputs.mode().toUpperCase(Locale.ROOT));
        if (mode != RedundancyMode.SINGLE && inputs.secondary() == null) {
            throw new InvalidFieldException(prefix + "secondary", "is required in " + inputs.mode() + " mode");
        }
        ChannelRequest.Input secondary = mode == RedundancyMode.SINGLE ? null : inputs.secondary();
        if (secondary != null && "listener".equals(secondary.mode()) && "listener".equals(inputs.primary().mode())
                && secondary.port() == inputs.primary().port()) {
            throw new InvalidFieldException(prefix + "secondary.port", "must differ from the primary's port");
        }
        FailbackPolicy failback = "return_to_primary".equals(inputs.failback()) ? FailbackPolicy.RETURN_TO_PRIMARY
                : FailbackPolicy.STAY;
        Duration threshold = Duration.ofSeconds(inputs.failoverThreshold());
        Duration slate = slateAfter.compareTo(threshold.dividedBy(2)) < 0 ? slateAfter : threshold.dividedBy(2);
        return new ChannelConfig(sessionId, new SwitcherSettings(mode, threshold, failback,
                Duration.ofSeconds(inputs.failbackAfter()), slate, restoreAfter),
                srt(SwitchEvent.PRIMARY, inputs.primary(), prefix + "primary"),
                secondary == null ? null : srt(SwitchEvent.SECONDARY, secondary, prefix + "secondary"), recording);
    }

    private static SrtInputSettings srt(String inputId, ChannelRequest.Input input, String field) {
        boolean listener = "listener".equals(input.mode());
        if (!listener && (input.host() == null || input.host().isBlank())) {
            throw new InvalidFieldException(field + ".host", "is required in caller mode");
        }
        if (input.pbkeylen() != null && input.pbkeylen() != 16 && input.pbkeylen() != 24 && input.pbkeylen() != 32) {
            throw new InvalidFieldException(field + ".pbkeylen", "must be 16, 24 or 32");
        }
        String host = input.host() == null || input.host().isBlank() ? "0.0.0.0" : input.host();
        return new SrtInputSettings(inputId, listener, host, input.port(), input.latencyMs(), input.passphrase(),
                input.pbkeylen(), input.streamId());
    }
}
