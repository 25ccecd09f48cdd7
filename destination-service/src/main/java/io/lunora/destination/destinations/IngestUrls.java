package io.lunora.destination.destinations;

import io.lunora.model.destination.Platforms;
import java.util.Map;
import java.util.Optional;

/**
 * The ingest URL filled in when a destination of a platform with a fixed ingest leaves it out.
 * YouTube publishes {@code rtmp://a.rtmp.youtube.com/live2} and the RTMPS variant
 * {@code rtmps://a.rtmps.youtube.com/live2}; X (Media Studio Producer) ingests at
 * {@code rtmps://va.pscp.tv:443/x} (regional hosts such as {@code fr.pscp.tv} also exist and may be
 * entered). LinkedIn issues a URL per live event, and custom servers are the user's own: both must
 * be given.
 */
final class IngestUrls {
    static final String YOUTUBE_RTMP = "rtmp://a.rtmp.youtube.com/live2";
    static final String YOUTUBE_RTMPS = "rtmps://a.rtmps.youtube.com/live2";
    static final String X_RTMPS = "rtmps://va.pscp.tv:443/x";

    private static final Map<String, String> DEFAULTS = Map.of(Platforms.YOUTUBE, YOUTUBE_RTMP, Platforms.X, X_RTMPS);

    private IngestUrls() {
    }

    static Optional<String> defaultFor(String platform) {
        return Optional.ofNullable(platform == null ? null : DEFAULTS.get(platform));
    }
}
