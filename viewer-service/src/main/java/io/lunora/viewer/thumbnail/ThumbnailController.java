package io.lunora.viewer.thumbnail;

import io.lunora.viewer.catalog.CatalogRules;
import io.lunora.viewer.web.Visitor;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/streams/{stream_id}/thumbnail}: the live picture, open like the catalog entry.
 * Browsers may keep it for the capture interval; {@code private} because parental controls make
 * what one viewer sees differ from another.
 */
@RestController
class ThumbnailController {
    private final Thumbnails thumbnails;
    private final CacheControl cache;

    ThumbnailController(Thumbnails thumbnails, ThumbnailProperties properties) {
        this.thumbnails = thumbnails;
        this.cache = CacheControl.maxAge(Duration.ofSeconds(Math.max(1, properties.refresh().toSeconds())))
                .cachePrivate();
    }

    @GetMapping("/api/streams/{streamId}/thumbnail")
    ResponseEntity<byte[]> thumbnail(Visitor visitor, @PathVariable("streamId")
            @Pattern(regexp = CatalogRules.STREAM_ID, message = CatalogRules.STREAM_ID_MESSAGE) String streamId) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).cacheControl(cache)
                .body(thumbnails.of(visitor, streamId));
    }
}
