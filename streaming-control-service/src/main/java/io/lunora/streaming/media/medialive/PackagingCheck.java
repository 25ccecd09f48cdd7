package io.lunora.streaming.media.medialive;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The preflight of a channel build: the media stack's MediaPackage channel must exist (MediaLive
 * would otherwise refuse the channel with an obscure error), and one of its HLS origin endpoints
 * should serve the catalog's {@code hls_url} (otherwise viewers get 404s while the destinations
 * run: a warning, not a failure). A passed check is kept for {@link #KEEP_PASSED}, so
 * reconciliations do not call MediaPackage each time; a failed or doubtful one is checked again
 * at the next build, so a fixed stack shows at once.
 */
class PackagingCheck {
    static final Duration KEEP_PASSED = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(PackagingCheck.class);

    private final PackagingChannels packaging;
    private final String channelId;
    private final String mediaStack;
    private final String hlsPath;
    private final Clock clock;
    private volatile Instant passedUntil = Instant.MIN;
    private volatile String warning;

    /**
     * @param hlsPath the playlist path the catalog gives viewers ({@code lunora.catalog.hls-url} for
     *                the organization): an HLS endpoint's URL path must equal it
     */
    PackagingCheck(PackagingChannels packaging, MediaLiveSettings settings, String hlsPath, Clock clock) {
        this.packaging = packaging;
        this.channelId = settings.packagingChannelId();
        this.mediaStack = "lunora-" + settings.organizationId() + "-" + settings.environment() + "-media-services";
        this.hlsPath = hlsPath;
        this.clock = clock;
    }

    /**
     * Checks the packaging channel before a build: missing, it throws with what the operator must
     * do and no channel may be built; otherwise the problem, if any, becomes {@link #warning()}.
     */
    void beforeBuild() {
        if (clock.instant().isBefore(passedUntil)) {
            return;
        }
        Optional<List<String>> endpoints;
        try {
            endpoints = packaging.hlsEndpointUrls(channelId);
        } catch (SdkException e) {
            // the build goes on: MediaLive itself says whether it can deliver to the channel
            warn("the packaging channel " + channelId + " could not be checked: "
                    + AwsErrors.describe("MediaPackage", e));
            return;
        }
        if (endpoints.isEmpty()) {
            String missing = "the packaging channel " + channelId + " does not exist: deploy the media stack "
                    + mediaStack;
            warning = missing;
            throw new IllegalStateException(missing);
        }
        List<String> paths = endpoints.get().stream().map(url -> URI.create(url).getPath()).toList();
        if (paths.isEmpty()) {
            warn("the packaging channel " + channelId + " has no HLS origin endpoint: viewers will not find the "
                    + "program (the media stack " + mediaStack + " defines it)");
        } else if (!paths.contains(hlsPath)) {
            warn("no HLS origin endpoint of the packaging channel " + channelId + " serves lunora.catalog.hls-url "
                    + hlsPath + " (it serves " + String.join(", ", paths) + "): viewers will not find the program; "
                    + "set LUNORA_CATALOG_HLSURL to the media stack's HlsPath output");
        } else {
            warning = null;
            passedUntil = clock.instant().plus(KEEP_PASSED);
        }
    }

    /** What the last check found wrong with playback while the channel runs; null when nothing. */
    String warning() {
        return warning;
    }

    private void warn(String problem) {
        warning = problem;
        log.warn("{}", problem);
    }
}
