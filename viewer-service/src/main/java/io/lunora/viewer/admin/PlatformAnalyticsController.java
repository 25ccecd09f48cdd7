package io.lunora.viewer.admin;

import io.lunora.viewer.analytics.AnalyticsStore;
import io.lunora.viewer.analytics.DailyActivity;
import io.lunora.viewer.analytics.PlatformTotals;
import io.lunora.viewer.catalog.CatalogEntry;
import io.lunora.viewer.catalog.CatalogStore;
import io.lunora.viewer.moderation.ReportStore;
import io.lunora.viewer.profile.ProfileStore;
import io.lunora.viewer.profile.ViewerProfile;
import io.lunora.viewer.subscription.Subscription;
import io.lunora.viewer.subscription.SubscriptionService;
import io.lunora.viewer.subscription.SubscriptionStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/viewer-admin/analytics}: the platform overview of the viewer-admin screen. */
@RestController
class PlatformAnalyticsController {
    private final ProfileStore profiles;
    private final CatalogStore catalog;
    private final AnalyticsStore analytics;
    private final SubscriptionStore subscriptionStore;
    private final SubscriptionService subscriptions;
    private final ReportStore reports;
    private final Clock clock;

    PlatformAnalyticsController(ProfileStore profiles, CatalogStore catalog, AnalyticsStore analytics,
            SubscriptionStore subscriptionStore, SubscriptionService subscriptions, ReportStore reports, Clock clock) {
        this.profiles = profiles;
        this.catalog = catalog;
        this.analytics = analytics;
        this.subscriptionStore = subscriptionStore;
        this.subscriptions = subscriptions;
        this.reports = reports;
        this.clock = clock;
    }

    @GetMapping("/api/viewer-admin/analytics")
    PlatformTotals totals() {
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<ViewerProfile> viewers = profiles.all();
        List<CatalogEntry> entries = catalog.all();
        List<DailyActivity> todays = analytics.onDate(today);
        List<Subscription> periods = subscriptionStore.all();
        Map<String, Long> active = new TreeMap<>(Map.of("premium", 0L, "vip", 0L));
        periods.stream().filter(s -> s.activeAt(now)).forEach(s -> active.merge(s.subscriptionType(), 1L, Long::sum));
        String month = today.toString().substring(0, 7);
        long revenue = periods.stream().filter(s -> "paid".equals(s.paymentStatus()) && s.createdAt().startsWith(month))
                .mapToLong(Subscription::amountCents).sum();
        return new PlatformTotals(viewers.size(), viewers.stream().filter(ViewerProfile::disabled).count(),
                entries.stream().filter(CatalogEntry::isLive).count(), entries.size(),
                todays.stream().mapToLong(DailyActivity::totalWatchTime).sum(), todays.size(), active, revenue, "USD",
                subscriptions.providerName(), reports.list("pending").size());
    }
}
