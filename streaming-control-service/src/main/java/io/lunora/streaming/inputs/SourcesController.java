package io.lunora.streaming.inputs;

import io.lunora.model.media.ChannelRequest;
import io.lunora.model.media.InputMedia;
import io.lunora.model.media.SwitchRequest;
import io.lunora.streaming.media.ChannelStatus;
import io.lunora.streaming.media.MediaBackend;
import io.lunora.streaming.resolve.SourceSettings;
import io.lunora.support.problem.ConflictException;
import io.lunora.support.problem.InvalidFieldException;
import io.lunora.support.problem.NotFoundException;
import io.lunora.support.security.Caller;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/sources/status}, {@code GET /api/sources/{input}/preview} and {@code POST
 * /api/sources/switch}: the inputs live (warm before any session, see {@link InputWarmer}), from the
 * media backend, named as the organization's source configuration (source-service) names them.
 * A backend or source-service failure is answered by {@code DownstreamFailures}.
 */
@RestController
class SourcesController {
    private final MediaBackend media;
    private final SourceSettings sources;

    SourcesController(MediaBackend media, SourceSettings sources) {
        this.media = media;
        this.sources = sources;
    }

    /**
     * @param connected and the figures: null when the inputs' health is not known
     * @param media     codec, size and rate the encoder sends; null while not known
     */
    record SourceState(String role, String name, boolean active, Boolean connected, Integer bitrateKbps,
            Long lastPacketAgeMs, Long continuityErrors, Long uptimeSeconds, InputMedia media) {
    }

    /**
     * @param healthKnown false when the backend's health reading could not be had; {@code notice}
     *                    then says what is shown. The backend reads the health itself, so a
     *                    status that answers has it: true, notice null
     */
    record StatusView(boolean channelRunning, String redundancyMode, String activeInput, boolean healthKnown,
            String notice, List<SourceState> sources) {
    }

    /** @param notice for the operator: when the media backend applies the switch; null when at once */
    record SwitchAnswer(String input, String notice) {
    }

    @GetMapping("/api/sources/status")
    StatusView status(Caller caller) {
        String org = caller.requireOrganization();
        ChannelRequest.Inputs config = sources.current(org);
        ChannelStatus status = media.status(org);
        List<SourceState> states = status.inputs().stream().map(i -> new SourceState(i.input(), nameOf(config,
                i.input()), i.input().equals(status.activeInput()), i.connected(), i.bitrateKbps(),
                i.lastPacketAgeMs(), i.continuityErrors(), i.uptimeSeconds(), i.media())).toList();
        return new StatusView(status.running(), config.mode(), status.activeInput(), true, null, states);
    }

    /** 202: the switch is asked for; it happens when the backend applies it and shows in the events. */
    @PostMapping("/api/sources/switch")
    ResponseEntity<SwitchAnswer> switchInput(Caller caller, @Valid @RequestBody SwitchRequest request) {
        String org = caller.requireOrganization();
        if ("single".equals(sources.current(org).mode())) {
            throw new ConflictException("The source configuration has a single input: there is nothing to switch to.");
        }
        if (media.status(org).inputs().isEmpty()) {
            throw new ConflictException("No input of the organization runs on the media plane yet: save the source"
                    + " configuration, or start streaming.");
        }
        String reason = request.reason() == null || request.reason().isBlank()
                ? "manual switch by " + caller.username() : request.reason();
        String notice = media.switchTo(org, request.input(), reason).orElse(null);
        return ResponseEntity.accepted().body(new SwitchAnswer(request.input(), notice));
    }

    /**
     * The input's latest picture, before going live too; 404 (problem+json) while it has none. The
     * browser fetches it with its token, so it is never a public URL.
     */
    @GetMapping(path = "/api/sources/{input}/preview", produces = MediaType.IMAGE_JPEG_VALUE)
    ResponseEntity<byte[]> preview(Caller caller, @PathVariable String input) {
        String org = caller.requireOrganization();
        if (!"primary".equals(input) && !"secondary".equals(input)) {
            throw new InvalidFieldException("input", "must be primary or secondary");
        }
        byte[] picture = media.inputPreview(org, input)
                .orElseThrow(() -> new NotFoundException("preview of the " + input + " input", org));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).cacheControl(CacheControl.noStore()).body(picture);
    }

    private static String nameOf(ChannelRequest.Inputs config, String input) {
        ChannelRequest.Input source = "primary".equals(input) ? config.primary()
                : "secondary".equals(input) ? config.secondary() : null;
        return source == null ? null : source.name();
    }
}
