package io.lunora.viewer.analytics;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/analytics/viewer-stats}: the caller's activity over the last {@code days} days.
 *
 * @param favoriteCategories the three categories watched longest
 * @param peakViewingHour    the UTC hour with most watch time, or null without activity
 */
public record ViewerStats(int days, long totalWatchTime, long streamsWatched, List<String> favoriteCategories,
        Integer peakViewingHour, Map<String, Long> deviceUsage, Map<String, Long> engagementMetrics,
        List<Day> daily) {

    public record Day(String date, long totalWatchTime, long streamsWatched) {
    }
}
