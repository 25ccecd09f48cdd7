package io.lunora.viewer.admin;

import io.lunora.viewer.analytics.AnalyticsService;
import io.lunora.viewer.analytics.DailyActivity;
import io.lunora.viewer.analytics.PlatformTotals;
import io.lunora.viewer.catalog.CatalogEditor;
import io.lunora.viewer.catalog.CatalogEntry;
import io.lunora.viewer.moderation.ModerationService;
import io.lunora.viewer.profile.ViewerAccounts;
import io.lunora.viewer.profile.ViewerProfile;
import io.lunora.viewer.subscription.Subscription;
import io.lunora.viewer.subscription.SubscriptionService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/** The platform's figures for the viewer-admin screen, gathered from every part of the service. */
@Service
class PlatformOverview {
    private final ViewerAccounts viewers;
    private final CatalogEditor catalog;
    private final AnalyticsService analytics;
    private final SubscriptionService subscriptions;
    private final ModerationService moderation;
    private final Clock clock;

    PlatformOverview(ViewerAccounts viewers, CatalogEditor catalog, AnalyticsService analytics,
            SubscriptionService subscriptions, ModerationService moderation, Clock clock) {
        this.viewers = viewers;
        this.catalog = catalog;
        this.analytics = analytics;
        this.subscriptions = subscriptions;
        this.moderation = moderation;
        this.clock = clock;
    }

    PlatformTotals totals() {
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<ViewerProfile> profiles = viewers.all();
        List<CatalogEntry> entries = catalog.all();
        List<DailyActivity> todays = analytics.activityOn(today);
        List<Subscription> periods = subscriptions.periods(null);
        Map<String, Long> active = new TreeMap<>(Map.of("premium", 0L, "vip", 0L));
        periods.stream().filter(s -> s.activeAt(now)).forEach(s -> active.merge(s.subscriptionType(), 1L, Long::sum));
        String month = today.toString().substring(0, 7);
        long revenue = periods.stream().filter(s -> "paid".equals(s.paymentStatus()) && s.createdAt().startsWith(month))
                .mapToLong(Subscription::amountCents).sum();
        return new PlatformTotals(profiles.size(), profiles.stream().filter(ViewerProfile::disabled).count(),
                entries.stream().filter(CatalogEntry::isLive).count(), entries.size(),
                todays.stream().mapToLong(DailyActivity::totalWatchTime).sum(), todays.size(), active, revenue, "USD",
                subscriptions.providerName(), moderation.queue("pending").size());
    }
}
