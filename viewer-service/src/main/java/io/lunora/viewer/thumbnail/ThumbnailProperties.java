package io.lunora.viewer.thumbnail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Live thumbnails.
 *
 * @param refresh  how long a stream's picture is kept before it is fetched again: the capture interval
 *                 of the engine and of MediaLive (10 s), so a source is asked once per new picture at
 *                 most, whatever the number of viewers
 * @param bucket   aws mode: the organization's media bucket ({@code lunora-{org}-{env}}) holding {@code thumbnails/}
 * @param region   aws mode: the bucket's region
 */
@ConfigurationProperties(prefix = "lunora.thumbnails")
public record ThumbnailProperties(Duration refresh, String bucket, String region) {
    public ThumbnailProperties {
        refresh = refresh == null ? Duration.ofSeconds(10) : refresh;
        region = region == null || region.isBlank() ? "us-east-1" : region;
        if (refresh.isNegative() || refresh.isZero()) {
            throw new IllegalArgumentException("lunora.thumbnails.refresh must be positive");
        }
    }
}
