package io.lunora.viewer.account;

import io.lunora.viewer.analytics.DailyActivity;
import io.lunora.viewer.moderation.Report;
import io.lunora.viewer.profile.ViewerProfile;
import io.lunora.viewer.subscription.Subscription;
import java.util.List;
import java.util.Map;

/** Everything the viewer platform holds about one viewer ({@code GET /api/viewers/export}). */
public record DataExport(String exportedAt, ViewerProfile profile, List<Subscription> subscriptions,
        List<Map<String, String>> viewingHistory, List<Map<String, String>> messages, List<DailyActivity> analytics,
        List<Report> reportsFiled) {
}
