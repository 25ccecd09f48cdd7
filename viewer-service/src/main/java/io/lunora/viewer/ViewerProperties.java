package io.lunora.viewer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The viewer platform's settings.
 *
 * @param dataDir             where the playback signing key and the local test payment log live
 * @param playbackSecret      base64 HMAC key for playback tokens; blank means a key file under {@code dataDir}
 * @param playbackTokenTtl    how long a playback token is valid; progress updates hand out fresh ones
 * @param chatMaxLength       longest chat message or comment, in characters
 * @param chatPerMinute       messages one viewer may post per minute (chat and comments together)
 * @param activeViewerWindow  a viewing session without progress for this long no longer counts as a viewer
 * @param subscriptionPeriod  length of one paid subscription period
 * @param trendingWindow      how far back trending looks at viewing sessions
 */
@ConfigurationProperties(prefix = "lunora.viewer")
public record ViewerProperties(String dataDir, String playbackSecret, Duration playbackTokenTtl, Integer chatMaxLength,
        Integer chatPerMinute, Duration activeViewerWindow, Duration subscriptionPeriod, Duration trendingWindow) {
    public ViewerProperties {
        dataDir = dataDir == null || dataDir.isBlank() ? "./.lunora/data" : dataDir;
        playbackTokenTtl = playbackTokenTtl == null ? Duration.ofMinutes(10) : playbackTokenTtl;
        chatMaxLength = chatMaxLength == null ? 500 : chatMaxLength;
        chatPerMinute = chatPerMinute == null ? 60 : chatPerMinute;
        activeViewerWindow = activeViewerWindow == null ? Duration.ofSeconds(90) : activeViewerWindow;
        subscriptionPeriod = subscriptionPeriod == null ? Duration.ofDays(30) : subscriptionPeriod;
        trendingWindow = trendingWindow == null ? Duration.ofHours(24) : trendingWindow;
    }
}
