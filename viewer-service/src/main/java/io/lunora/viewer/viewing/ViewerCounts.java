package io.lunora.viewer.viewing;

import io.lunora.viewer.Timestamps;
import io.lunora.viewer.ViewerProperties;
import io.lunora.viewer.catalog.CatalogEntry;
import io.lunora.viewer.catalog.CatalogStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Live entries' viewer counts, from open viewing sessions that reported progress recently.
 * Recounted when a session starts or ends, and for every live entry every 15 s, so that players
 * that vanished without ending their session drop out of the count.
 */
@Component
public class ViewerCounts {
    private final CatalogStore catalog;
    private final ViewingStore viewing;
    private final Clock clock;
    private final Duration activeWindow;

    ViewerCounts(CatalogStore catalog, ViewingStore viewing, Clock clock, ViewerProperties properties) {
        this.catalog = catalog;
        this.viewing = viewing;
        this.clock = clock;
        this.activeWindow = properties.activeViewerWindow();
    }

    public void refresh(CatalogEntry entry) {
        Instant now = Instant.now(clock);
        Instant liveSince = entry.startedAt() == null ? now.minus(Duration.ofDays(1)) : Instant.parse(entry.startedAt());
        int count = viewing.countActive(entry.streamId(), Timestamps.sortable(liveSince.minus(activeWindow)),
                Timestamps.sortable(now.minus(activeWindow)));
        if (count != entry.viewerCount()) {
            catalog.setViewerCount(entry.streamId(), count);
        }
    }

    @Scheduled(fixedDelayString = "${lunora.viewer.viewer-count-interval:15s}")
    void refreshLive() {
        catalog.all().stream().filter(CatalogEntry::isLive).forEach(this::refresh);
    }
}
