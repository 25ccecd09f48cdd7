package io.lunora.viewer.viewing;

/**
 * One viewing session in ViewingHistory ({@code item_type = viewing}); its id is the item's sort key.
 *
 * @param lastSeen when the player last reported progress; sessions silent for longer than the
 *                 active window no longer count as viewers
 */
public record ViewingSession(String viewerId, String viewingSessionId, String streamId, String category,
        String startedAt, String lastSeen, String endedAt, long durationWatched, String qualityLevel,
        String deviceType, String exitReason, long engagementScore) {
}
