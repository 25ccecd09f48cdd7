package io.lunora.gateway.playback;

import io.lunora.model.playback.HlsPlaylistPaths;
import io.lunora.model.viewer.AccessLevel;
import reactor.core.publisher.Mono;

/** Where a stream id plays: the origin folder of its HLS files and its access level now. */
interface PlaybackDirectory {

    /** The live stream, or empty when the catalog knows no live stream of that id. */
    Mono<LiveStream> find(String streamId);

    /**
     * @param playlist the origin path of the stream's master playlist ({@link HlsPlaylistPaths}): the
     *                 engine's {@code /hls/{org}/master.m3u8} or a MediaPackage endpoint's
     *                 {@code /out/v1/{id}/index.m3u8}
     */
    record LiveStream(String streamId, AccessLevel accessLevel, String playlist) {

        /** The folder of the playlists and segments, ending in {@code /}. */
        String folder() {
            return playlist.substring(0, playlist.lastIndexOf('/') + 1);
        }

        /** The master playlist's file name in {@link #folder()}. */
        String master() {
            return playlist.substring(playlist.lastIndexOf('/') + 1);
        }

        /** MediaPackage keeps every variant in the master's folder, named by number rather than by height. */
        boolean numberedVariants() {
            return HlsPlaylistPaths.isMediaPackage(playlist);
        }
    }
}
