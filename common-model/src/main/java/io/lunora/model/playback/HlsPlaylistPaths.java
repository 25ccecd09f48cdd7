package io.lunora.model.playback;

import java.util.regex.Pattern;

/**
 * The two forms a catalog {@code hls_url} takes, one per media backend; streaming-control
 * publishes it, viewer-service stores it, the gateway serves the files of its folder from its
 * HLS origin ({@code LUNORA_ENGINE_URI}).
 * <ul>
 * <li>the local engine: {@code /hls/{org}/master.m3u8}, one folder per rung ({@code 720p/});</li>
 * <li>a MediaPackage (v1) HLS endpoint: {@code /out/v1/{endpoint id}/{manifest}.m3u8}, variant
 * playlists {@code {manifest}_{n}.m3u8} and segments {@code {manifest}_{n}_{seq}.ts} in the
 * same folder.</li>
 * </ul>
 */
public final class HlsPlaylistPaths {
    private static final Pattern ENGINE = Pattern.compile("/hls/[A-Za-z0-9_.-]{1,64}(/[A-Za-z0-9_.-]{1,64}){0,3}\\.m3u8");
    private static final Pattern MEDIAPACKAGE = Pattern.compile("/out/v1/[A-Za-z0-9]{1,64}/[A-Za-z0-9-]{1,64}\\.m3u8");

    private HlsPlaylistPaths() {
    }

    public static boolean isEngine(String path) {
        return path != null && ENGINE.matcher(path).matches() && !path.contains("..");
    }

    public static boolean isMediaPackage(String path) {
        return path != null && MEDIAPACKAGE.matcher(path).matches();
    }
}
