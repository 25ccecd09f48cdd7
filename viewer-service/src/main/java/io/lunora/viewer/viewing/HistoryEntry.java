package io.lunora.viewer.viewing;

/** One line of {@code GET /api/viewing/history}. */
public record HistoryEntry(String viewingSessionId, String streamId, String title, String startedAt, String endedAt,
        long durationWatched, String qualityLevel, String deviceType, String exitReason, long engagementScore) {

    static HistoryEntry of(ViewingSession v, String title) {
        return new HistoryEntry(v.viewingSessionId(), v.streamId(), title, v.startedAt(), v.endedAt(),
                v.durationWatched(), v.qualityLevel(), v.deviceType(), v.exitReason(), v.engagementScore());
    }
}
