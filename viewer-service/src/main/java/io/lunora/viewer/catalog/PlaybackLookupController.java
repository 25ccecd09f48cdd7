package io.lunora.viewer.catalog;

import io.lunora.model.playback.PlaybackTarget;
import io.lunora.support.problem.NotFoundException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /internal/catalog/streams/{streamId}/playback}: what the gateway checks every
 * {@code /hls/**} request against (scope {@code internal}; never routed). A stream removed by
 * moderation is as unknown as one that never existed.
 */
@RestController
@Hidden
class PlaybackLookupController {
    private final CatalogService catalog;

    PlaybackLookupController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/internal/catalog/streams/{streamId}/playback")
    PlaybackTarget playback(@PathVariable @Pattern(regexp = CatalogRules.STREAM_ID) String streamId) {
        return catalog.findEntry(streamId).filter(e -> e.hlsUrl() != null)
                .map(e -> new PlaybackTarget(e.streamId(), e.accessLevel(), e.hlsUrl(), e.isLive()))
                .orElseThrow(() -> new NotFoundException("stream", streamId));
    }
}
