package io.lunora.viewer.analytics;

import java.util.Map;

/** One viewer's activity on one UTC day (ViewerAnalytics), watch times in seconds. */
public record DailyActivity(String viewerId, String date, long totalWatchTime, long streamsWatched,
        Map<String, Long> categoryWatch, Map<String, Long> hourWatch, Map<String, Long> deviceUsage,
        Map<String, Long> engagementMetrics) {
}
