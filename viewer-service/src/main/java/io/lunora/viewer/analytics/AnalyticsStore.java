package io.lunora.viewer.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Where viewer analytics are kept (ViewerAnalytics): one record per viewer and UTC day, whose
 * counters are added atomically, so concurrent sessions of one viewer never lose an update.
 */
public interface AnalyticsStore {

    void recordWatch(String viewerId, Instant at, long seconds, String category, String device, String streamId);

    void recordEngagement(String viewerId, Instant at, String event);

    /** A viewer's days from {@code from} on, oldest first. */
    List<DailyActivity> days(String viewerId, LocalDate from);

    /** Every viewer's activity on one day (platform totals). */
    List<DailyActivity> onDate(LocalDate date);

    void deleteAll(String viewerId);
}
