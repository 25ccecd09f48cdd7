package io.lunora.viewer.analytics;

import io.lunora.model.viewer.ViewerTier;
import io.lunora.support.security.Caller;
import io.lunora.viewer.Timestamps;
import io.lunora.viewer.ViewerProperties;
import io.lunora.viewer.catalog.CatalogService;
import io.lunora.viewer.catalog.StreamView;
import io.lunora.viewer.profile.ProfileService;
import io.lunora.viewer.profile.ViewerProfile;
import io.lunora.viewer.subscription.TierResolver;
import io.lunora.viewer.viewing.ViewingEnded;
import io.lunora.viewer.viewing.ViewingStore;
import io.lunora.viewer.web.Visitor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/** Recommendations, trending, engagement tracking and a viewer's own statistics. */
@Service
public class AnalyticsService {
    static final int RECOMMENDATION_DAYS = 30;

    private final AnalyticsStore store;
    private final CatalogService catalog;
    private final ViewingStore viewing;
    private final ProfileService profiles;
    private final TierResolver tiers;
    private final Clock clock;
    private final Duration trendingWindow;

    AnalyticsService(AnalyticsStore store, CatalogService catalog, ViewingStore viewing, ProfileService profiles,
            TierResolver tiers, Clock clock, ViewerProperties properties) {
        this.store = store;
        this.catalog = catalog;
        this.viewing = viewing;
        this.profiles = profiles;
        this.tiers = tiers;
        this.clock = clock;
        this.trendingWindow = properties.trendingWindow();
    }

    /**
     * Scores each visible entry: a followed creator counts 3, a category counts up to 2 by its
     * share of the viewer's watch time, being live 1, and likes a little; ties go to the most watched.
     */
    List<Recommendation> recommendations(Caller caller, int limit) {
        ViewerProfile profile = profiles.ensure(caller);
        Map<String, Long> categories = new HashMap<>();
        store.days(caller.userId(), today().minusDays(RECOMMENDATION_DAYS))
                .forEach(d -> d.categoryWatch().forEach((c, s) -> categories.merge(c, s, Long::sum)));
        long totalCategoryTime = Math.max(1, categories.values().stream().mapToLong(Long::longValue).sum());
        Visitor visitor = new Visitor(Optional.of(caller));
        ViewerTier tier = tiers.tierOf(caller);
        return catalog.visibleEntries(visitor).stream().map(e -> {
            boolean followed = e.creatorId() != null && profile.followedCreators().contains(e.creatorId());
            double categoryScore = 2.0 * categories.getOrDefault(e.category(), 0L) / totalCategoryTime;
            double score = (followed ? 3 : 0) + categoryScore + (e.isLive() ? 1 : 0) + Math.log1p(e.likeCount()) / 10;
            String reason = followed ? "from a creator you follow"
                    : categoryScore > 0 ? "because you watch " + e.category()
                    : e.isLive() ? "live now" : "popular";
            return new Recommendation(StreamView.of(e, tier), reason, Math.round(score * 1000) / 1000.0);
        }).sorted(Comparator.comparingDouble(Recommendation::score).reversed()
                .thenComparing(r -> -r.stream().viewerCount())).limit(limit).toList();
    }

    /** Entries by viewing sessions started within the trending window, then by current viewers. */
    public List<TrendingEntry> trending(Visitor visitor, int limit) {
        String since = Timestamps.sortable(Instant.now(clock).minus(trendingWindow));
        ViewerTier tier = tiers.tierOf(visitor);
        return catalog.visibleEntries(visitor).stream()
                .map(e -> new TrendingEntry(StreamView.of(e, tier), viewing.countStarted(e.streamId(), since)))
                .sorted(Comparator.comparingInt(TrendingEntry::recentViews).reversed()
                        .thenComparing(t -> -t.stream().viewerCount()))
                .limit(limit).toList();
    }

    /** Counts the watch time of every ended session, in the request that ends it. */
    @EventListener
    void recordWatch(ViewingEnded ended) {
        store.recordWatch(ended.viewerId(), ended.at(), ended.seconds(), ended.category(), ended.deviceType(),
                ended.streamId());
    }

    /** Every viewer's activity on one UTC day (the platform totals of consumer admins). */
    public List<DailyActivity> activityOn(LocalDate date) {
        return store.onDate(date);
    }

    void trackEngagement(Caller caller, String streamId, String event) {
        catalog.visibleEntry(new Visitor(Optional.of(caller)), streamId);
        store.recordEngagement(caller.userId(), Instant.now(clock), event);
    }

    ViewerStats viewerStats(Caller caller, int days) {
        List<DailyActivity> activity = store.days(caller.userId(), today().minusDays(days - 1L));
        Map<String, Long> categories = new HashMap<>();
        Map<String, Long> hours = new HashMap<>();
        Map<String, Long> devices = new TreeMap<>();
        Map<String, Long> engagement = new TreeMap<>();
        for (DailyActivity d : activity) {
            d.categoryWatch().forEach((k, v) -> categories.merge(k, v, Long::sum));
            d.hourWatch().forEach((k, v) -> hours.merge(k, v, Long::sum));
            d.deviceUsage().forEach((k, v) -> devices.merge(k, v, Long::sum));
            d.engagementMetrics().forEach((k, v) -> engagement.merge(k, v, Long::sum));
        }
        List<String> favorites = categories.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(3).map(Map.Entry::getKey).toList();
        Integer peakHour = hours.entrySet().stream().filter(e -> e.getValue() > 0).max(Map.Entry.comparingByValue())
                .map(e -> Integer.valueOf(e.getKey())).orElse(null);
        return new ViewerStats(days, activity.stream().mapToLong(DailyActivity::totalWatchTime).sum(),
                activity.stream().mapToLong(DailyActivity::streamsWatched).sum(), favorites, peakHour, devices,
                engagement, activity.stream().map(d -> new ViewerStats.Day(d.date(), d.totalWatchTime(), d.streamsWatched()))
                        .collect(Collectors.toList()));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    }
}
