package io.lunora.viewer.analytics;

import java.util.Map;

/**
 * The viewer-admin overview. Revenue counts paid periods started this month, in cents, and says
 * which payment provider took them ({@code local-test} locally: no real money).
 */
public record PlatformTotals(long totalViewers, long disabledViewers, long liveStreams, long catalogEntries,
        long watchTimeTodaySeconds, long viewersActiveToday, Map<String, Long> activeSubscriptions,
        long revenueThisMonthCents, String currency, String paymentProvider, long pendingReports) {
}
