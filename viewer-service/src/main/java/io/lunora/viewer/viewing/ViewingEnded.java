package io.lunora.viewer.viewing;

import java.time.Instant;

/**
 * A viewer ended a viewing session after watching {@code seconds}. Published synchronously while
 * the session ends, for whoever derives figures from viewing (analytics), so that viewing needs
 * to know none of them.
 */
public record ViewingEnded(String viewerId, Instant at, long seconds, String category, String deviceType,
        String streamId) {
}
