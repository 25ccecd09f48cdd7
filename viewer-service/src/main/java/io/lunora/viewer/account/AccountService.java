package io.lunora.viewer.account;

import io.lunora.support.security.Caller;
import io.lunora.viewer.analytics.AnalyticsStore;
import io.lunora.viewer.analytics.DailyActivity;
import io.lunora.viewer.catalog.CatalogStore;
import io.lunora.viewer.moderation.Report;
import io.lunora.viewer.moderation.ReportStore;
import io.lunora.viewer.profile.ProfileService;
import io.lunora.viewer.profile.ProfileStore;
import io.lunora.viewer.profile.ViewerProfile;
import io.lunora.viewer.subscription.AnonymisedViewer;
import io.lunora.viewer.subscription.Subscription;
import io.lunora.viewer.subscription.SubscriptionStore;
import io.lunora.viewer.viewing.HistoryItem;
import io.lunora.viewer.viewing.ViewingStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Data export and account deletion (the viewer's right to both). Deletion removes the profile,
 * library, viewing history, chat messages, comments, analytics and the sign-in identity at
 * auth-service; it keeps, without the viewer's
 * id, the billing records of paid periods and the moderation reports, and says so.
 */
@Service
public class AccountService {
    private final ProfileService profileService;
    private final ProfileStore profiles;
    private final ViewingStore history;
    private final AnalyticsStore analytics;
    private final SubscriptionStore subscriptions;
    private final ReportStore reports;
    private final CatalogStore catalog;
    private final SignInIdentity identity;
    private final Clock clock;

    AccountService(ProfileService profileService, ProfileStore profiles, ViewingStore history, AnalyticsStore analytics,
            SubscriptionStore subscriptions, ReportStore reports, CatalogStore catalog, SignInIdentity identity,
            Clock clock) {
        this.profileService = profileService;
        this.profiles = profiles;
        this.history = history;
        this.analytics = analytics;
        this.subscriptions = subscriptions;
        this.reports = reports;
        this.catalog = catalog;
        this.identity = identity;
        this.clock = clock;
    }

    DataExport export(Caller caller) {
        String id = caller.userId();
        ViewerProfile profile = profileService.ensure(caller);
        List<Map<String, String>> viewing = new ArrayList<>();
        List<Map<String, String>> messages = new ArrayList<>();
        for (HistoryItem item : history.allItemsOf(id)) {
            (item.isViewing() ? viewing : messages).add(item.attributes());
        }
        return new DataExport(Instant.now(clock).toString(), profile, subscriptions.byViewer(id), viewing, messages,
                analytics.days(id, LocalDate.EPOCH), reports.byReporter(id));
    }

    DeletionReceipt delete(Caller caller) {
        String id = caller.userId();
        String marker = AnonymisedViewer.of(id);
        Optional<ViewerProfile> profile = profiles.find(id);
        profile.ifPresent(p -> p.likedStreams().forEach(streamId -> catalog.addLikes(streamId, -1)));

        int viewingSessions = 0;
        int messages = 0;
        for (HistoryItem item : history.allItemsOf(id)) {
            history.delete(id, item.sortKey());
            if (item.isViewing()) {
                viewingSessions++;
            } else {
                messages++;
            }
        }
        List<DailyActivity> days = analytics.days(id, LocalDate.EPOCH);
        analytics.deleteAll(id);

        List<Subscription> periods = subscriptions.byViewer(id);
        periods.forEach(s -> {
            subscriptions.setAutoRenew(s.subscriptionId(), false);
            subscriptions.anonymise(s.subscriptionId(), marker);
        });
        List<Report> filed = reports.byReporter(id);
        filed.forEach(r -> reports.anonymiseReporter(r.reportId(), marker));
        List<Report> about = reports.list(null).stream().filter(r -> id.equals(r.reportedViewerId())).toList();
        about.forEach(r -> reports.anonymiseReported(r.reportId(), marker));
        profiles.delete(id);
        // last: while it fails, the viewer can still sign in and delete again
        identity.delete(id);

        Map<String, Integer> deleted = new LinkedHashMap<>();
        deleted.put("profile", profile.isPresent() ? 1 : 0);
        deleted.put("library_items", profile.map(p -> p.savedStreams().size() + p.likedStreams().size()
                + p.followedCreators().size() + p.blockedViewers().size()).orElse(0));
        deleted.put("viewing_sessions", viewingSessions);
        deleted.put("chat_messages_and_comments", messages);
        deleted.put("analytics_days", days.size());
        List<DeletionReceipt.Kept> kept = List.of(
                new DeletionReceipt.Kept("subscription billing records", periods.size(),
                        "Payment records are kept for accounting and tax law. Your viewer id was replaced by "
                                + marker + " and the payment method reference was removed; auto-renew is off."),
                new DeletionReceipt.Kept("moderation reports you filed", filed.size(),
                        "Moderation decisions stay auditable. The reporter is now " + marker + "."),
                new DeletionReceipt.Kept("moderation reports about your messages", about.size(),
                        "Moderation decisions stay auditable. The reported viewer is now " + marker
                                + "; the messages themselves were deleted."));
        return new DeletionReceipt(Instant.now(clock).toString(), deleted, kept,
                "Your sign-in account was deleted: its user name and password no longer sign in.");
    }
}
