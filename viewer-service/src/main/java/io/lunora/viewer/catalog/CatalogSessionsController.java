package io.lunora.viewer.catalog;

import io.lunora.model.playback.HlsPlaylistPaths;
import io.lunora.model.viewer.CatalogSessionEvent;
import io.lunora.support.problem.InvalidFieldException;
import jakarta.validation.Valid;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /internal/catalog/sessions}: the streaming control service reports a session going
 * live or ending (client-credentials token, scope {@code internal}; the gateway never routes it).
 * The operator's {@code catalog} details are checked by their record's own rules ({@code @Valid}).
 */
@RestController
class CatalogSessionsController {
    private final CatalogService catalog;

    CatalogSessionsController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @PostMapping("/internal/catalog/sessions")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void sessionChanged(@Valid @RequestBody CatalogSessionEvent event) {
        validate(event);
        catalog.applySessionEvent(event);
    }

    private static void validate(CatalogSessionEvent e) {
        if (e.streamId() == null || !e.streamId().matches(CatalogRules.STREAM_ID)) {
            throw new InvalidFieldException("stream_id", CatalogRules.STREAM_ID_MESSAGE);
        }
        if (e.isLive() == null) {
            throw new InvalidFieldException("is_live", "is required");
        }
        if (!e.isLive()) {
            return;
        }
        if (e.sessionId() == null || e.sessionId().isBlank() || e.sessionId().length() > 64) {
            throw new InvalidFieldException("session_id", "is required, at most 64 characters");
        }
        // the engine's folder, or on AWS the MediaPackage endpoint's (the gateway serves either)
        if (e.hlsUrl() == null || !e.hlsUrl().matches("/hls/[A-Za-z0-9_/.-]{1,200}\\.m3u8")
                && !HlsPlaylistPaths.isMediaPackage(e.hlsUrl())) {
            throw new InvalidFieldException("hls_url", "must be an HLS playlist path under /hls/ or /out/v1/");
        }
        try {
            Instant.parse(e.startedAt() == null ? "" : e.startedAt());
        } catch (DateTimeParseException invalid) {
            throw new InvalidFieldException("started_at", "must be an ISO-8601 instant");
        }
    }
}
