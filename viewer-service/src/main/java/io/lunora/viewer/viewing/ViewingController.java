package io.lunora.viewer.viewing;

import io.lunora.support.security.Caller;
import io.lunora.viewer.catalog.CatalogRules;
import io.lunora.viewer.web.Visitor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/viewing/start|progress|end|history|save}. Start is open to anonymous viewers (public streams). */
@RestController
@RequestMapping("/api/viewing")
class ViewingController {
    static final String SESSION_ID = "[0-9T:.Z-]{27}#v[0-9a-f]{8}";
    static final String QUALITY = "auto|standard|high|ultra";

    private final ViewingService viewing;

    ViewingController(ViewingService viewing) {
        this.viewing = viewing;
    }

    record StartRequest(
            @NotNull @Pattern(regexp = CatalogRules.STREAM_ID, message = CatalogRules.STREAM_ID_MESSAGE) String streamId,
            @NotNull @Pattern(regexp = "web|mobile|tablet|tv|other", message = "must be one of web, mobile, tablet, tv, other") String deviceType,
            @Pattern(regexp = QUALITY, message = "must be one of auto, standard, high, ultra") String quality) {
    }

    record ProgressRequest(
            @NotNull @Pattern(regexp = SESSION_ID, message = "must be a viewing session id") String viewingSessionId,
            @NotNull @Min(0) @Max(604_800) Long durationWatched,
            @Pattern(regexp = QUALITY, message = "must be one of auto, standard, high, ultra") String quality) {
    }

    record EndRequest(
            @NotNull @Pattern(regexp = SESSION_ID, message = "must be a viewing session id") String viewingSessionId,
            @Min(0) @Max(604_800) Long durationWatched,
            @NotNull @Pattern(regexp = "completed|user_exit|error", message = "must be one of completed, user_exit, error") String exitReason) {
    }

    record SaveRequest(
            @NotNull @Pattern(regexp = CatalogRules.STREAM_ID, message = CatalogRules.STREAM_ID_MESSAGE) String streamId,
            Boolean saved) {
    }

    @PostMapping("/start")
    Playback start(Visitor visitor, @Valid @RequestBody StartRequest request) {
        return viewing.start(visitor, request.streamId(), request.deviceType(), request.quality());
    }

    @PutMapping("/progress")
    Playback progress(Caller caller, @Valid @RequestBody ProgressRequest request) {
        return viewing.progress(caller, request.viewingSessionId(), request.durationWatched(), request.quality());
    }

    @PostMapping("/end")
    ViewingSession end(Caller caller, @Valid @RequestBody EndRequest request) {
        return viewing.end(caller, request.viewingSessionId(), request.durationWatched(), request.exitReason());
    }

    @GetMapping("/history")
    List<HistoryEntry> history(Caller caller, @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return viewing.history(caller, limit);
    }

    @PostMapping("/save")
    LibraryChange save(Caller caller, @Valid @RequestBody SaveRequest request) {
        return viewing.save(caller, request.streamId(), request.saved() == null || request.saved());
    }
}
