package io.lunora.viewer.viewing;

/**
 * What the player needs to play a stream: the playlist URL with a signed playback token bound to
 * the stream, the tier and an expiry. Progress updates answer a fresh token before this one expires.
 *
 * @param viewingSessionId null for anonymous viewers (no session is kept for them)
 * @param qualityCap       the highest quality the tier allows; {@code maxHeight} in pixels
 */
public record Playback(String viewingSessionId, String streamId, String accessLevel, String tier, String qualityLevel,
        String qualityCap, int maxHeight, String playbackUrl, String playbackToken, String expiresAt,
        long durationWatched) {
}
