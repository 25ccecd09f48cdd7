package io.lunora.streaming.catalog;

import io.lunora.model.playback.HlsPlaylistPaths;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the catalog is told about a live session.
 *
 * @param hlsUrl the master playlist's path at the gateway's HLS origin, {@code {organization}}
 *               standing for the organization id: the engine's {@code /hls/{organization}/master.m3u8}
 *               by default; on AWS the MediaPackage endpoint's path, {@code /out/v1/{endpoint id}/index.m3u8}
 *               ({@code LUNORA_CATALOG_HLSURL}). Checked at start-up, as viewer-service would refuse
 *               any other form at the first session.
 */
@ConfigurationProperties(prefix = "lunora.catalog")
public record CatalogProperties(String hlsUrl) {
    static final String ORGANIZATION = "{organization}";
    static final String ENGINE_DEFAULT = "/hls/" + ORGANIZATION + "/master.m3u8";

    public CatalogProperties {
        hlsUrl = hlsUrl == null || hlsUrl.isBlank() ? ENGINE_DEFAULT : hlsUrl.strip();
        String sample = hlsUrl.replace(ORGANIZATION, "org");
        if (!HlsPlaylistPaths.isEngine(sample) && !HlsPlaylistPaths.isMediaPackage(sample)) {
            throw new IllegalArgumentException("lunora.catalog.hls-url must be the engine's /hls/{organization}/"
                    + "master.m3u8 or a MediaPackage endpoint's /out/v1/{endpoint id}/{manifest}.m3u8 path, not "
                    + hlsUrl);
        }
    }

    /** The playlist path of an organization's program. */
    public String hlsPath(String organizationId) {
        return hlsUrl.replace(ORGANIZATION, organizationId);
    }
}
