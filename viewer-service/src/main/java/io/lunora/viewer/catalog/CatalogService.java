package io.lunora.viewer.catalog;

import io.lunora.model.viewer.CatalogSessionEvent;
import io.lunora.model.viewer.ViewerTier;
import io.lunora.support.problem.NotFoundException;
import io.lunora.viewer.profile.ParentalControls;
import io.lunora.viewer.profile.ProfileStore;
import io.lunora.viewer.profile.ViewerProfile;
import io.lunora.viewer.subscription.TierResolver;
import io.lunora.viewer.web.Page;
import io.lunora.viewer.web.Visitor;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;

/**
 * Content discovery. Entries removed by moderation are never shown; a signed-in viewer's parental
 * controls hide what they restrict (404 for a direct look-up, as if it did not exist).
 */
@Service
public class CatalogService {
    /** Live first, then most watched, then newest. */
    static final Comparator<CatalogEntry> DISCOVERY_ORDER = Comparator.comparing(CatalogEntry::isLive).reversed()
            .thenComparing(Comparator.comparingLong(CatalogEntry::viewerCount).reversed())
            .thenComparing(CatalogEntry::createdAt, Comparator.nullsLast(Comparator.reverseOrder()));

    private final CatalogStore store;
    private final ProfileStore profiles;
    private final TierResolver tiers;
    private final Clock clock;

    CatalogService(CatalogStore store, ProfileStore profiles, TierResolver tiers, Clock clock) {
        this.store = store;
        this.profiles = profiles;
        this.tiers = tiers;
        this.clock = clock;
    }

    public Page<StreamView> live(Visitor visitor, int page, int size) {
        return list(visitor, CatalogEntry::isLive, page, size);
    }

    public Page<StreamView> featured(Visitor visitor, int page, int size) {
        return list(visitor, CatalogEntry::featured, page, size);
    }

    Page<StreamView> search(Visitor visitor, SearchQuery query, int page, int size) {
        return list(visitor, query::matches, page, size);
    }

    public List<CategorySummary> categories(Visitor visitor) {
        Predicate<CatalogEntry> visible = visibleTo(visitor);
        Map<String, int[]> counts = new TreeMap<>();
        store.listed().stream().filter(visible).forEach(e -> {
            int[] c = counts.computeIfAbsent(e.category(), k -> new int[2]);
            c[0]++;
            c[1] += e.isLive() ? 1 : 0;
        });
        return counts.entrySet().stream().map(c -> new CategorySummary(c.getKey(), c.getValue()[0], c.getValue()[1])).toList();
    }

    public StreamView details(Visitor visitor, String streamId) {
        return StreamView.of(visibleEntry(visitor, streamId), tiers.tierOf(visitor));
    }

    /** The entry if this visitor may see it; otherwise a 404. */
    public CatalogEntry visibleEntry(Visitor visitor, String streamId) {
        return store.find(streamId).filter(visibleTo(visitor))
                .orElseThrow(() -> new NotFoundException("stream", streamId));
    }

    /** The entry unless moderation removed it, whoever asks (for the viewer's own history and library). */
    public java.util.Optional<CatalogEntry> findEntry(String streamId) {
        return store.find(streamId).filter(e -> !e.removed());
    }

    /** Entries this visitor may see (for recommendations and trending). */
    public List<CatalogEntry> visibleEntries(Visitor visitor) {
        return store.listed().stream().filter(visibleTo(visitor)).toList();
    }

    public void applySessionEvent(CatalogSessionEvent event) {
        String now = Instant.now(clock).toString();
        if (Boolean.TRUE.equals(event.isLive())) {
            store.markLive(event, now);
        } else if (!store.markEnded(event.streamId(), now)) {
            throw new NotFoundException("stream", event.streamId());
        }
    }

    private Page<StreamView> list(Visitor visitor, Predicate<CatalogEntry> filter, int page, int size) {
        ViewerTier tier = tiers.tierOf(visitor);
        List<StreamView> matches = store.listed().stream().filter(visibleTo(visitor)).filter(filter)
                .sorted(DISCOVERY_ORDER).map(e -> StreamView.of(e, tier)).toList();
        return Page.of(matches, page, size);
    }

    private Predicate<CatalogEntry> visibleTo(Visitor visitor) {
        ParentalControls controls = visitor.caller().flatMap(c -> profiles.find(c.userId()))
                .map(ViewerProfile::parentalControls).orElse(ParentalControls.off());
        return e -> !e.removed() && controls.allows(e.category(), e.mature());
    }
}
