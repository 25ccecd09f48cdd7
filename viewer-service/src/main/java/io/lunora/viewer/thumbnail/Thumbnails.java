package io.lunora.viewer.thumbnail;

import io.lunora.support.problem.NotFoundException;
import io.lunora.viewer.catalog.CatalogEntry;
import io.lunora.viewer.catalog.CatalogService;
import io.lunora.viewer.web.Visitor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * A live stream's newest picture for whoever may see its catalog entry. Each stream's picture is
 * kept for {@code refresh}, so viewers ask the source at most once per interval and stream; the
 * first caller after expiry fetches while the others of that stream wait for its answer. A new
 * session of the stream never reuses the previous session's picture.
 */
@Service
public class Thumbnails {
    private final CatalogService catalog;
    private final ThumbnailSource source;
    private final Duration refresh;
    private final Clock clock;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    Thumbnails(CatalogService catalog, ThumbnailSource source, ThumbnailProperties properties, Clock clock) {
        this.catalog = catalog;
        this.source = source;
        this.refresh = properties.refresh();
        this.clock = clock;
    }

    /** The JPEG; a 404 when the stream is hidden from this visitor, not live, or has no picture yet. */
    public byte[] of(Visitor visitor, String streamId) {
        CatalogEntry entry = catalog.visibleEntry(visitor, streamId);
        if (!entry.isLive() || entry.hlsUrl() == null) {
            throw new NotFoundException("thumbnail", streamId);
        }
        Instant now = clock.instant();
        slots.values().removeIf(s -> s.expired(now.minus(refresh)));
        String session = Objects.requireNonNullElse(entry.sessionId(), "");
        Slot slot = slots.compute(streamId, (id, s) -> s == null || !s.session.equals(session) ? new Slot(session) : s);
        return slot.get(new LiveStream(streamId, entry.organizationId(), entry.hlsUrl()), now)
                .orElseThrow(() -> new NotFoundException("thumbnail", streamId));
    }

    /** One stream's cached answer (a picture or none yet), fetched again once it is older than {@code refresh}. */
    private final class Slot {
        private final String session;
        private volatile Instant fetchedAt;
        private Optional<byte[]> picture = Optional.empty();

        Slot(String session) {
            this.session = session;
        }

        synchronized Optional<byte[]> get(LiveStream stream, Instant now) {
            if (fetchedAt == null || !fetchedAt.plus(refresh).isAfter(now)) {
                picture = source.latest(stream);
                fetchedAt = now;
            }
            return picture;
        }

        /** Not synchronized: pruning never waits for another stream's fetch. */
        boolean expired(Instant before) {
            Instant at = fetchedAt;
            return at != null && at.isBefore(before);
        }
    }
}
