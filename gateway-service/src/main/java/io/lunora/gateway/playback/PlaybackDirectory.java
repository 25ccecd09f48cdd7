package io.lunora.gateway.playback;

import io.lunora.model.viewer.AccessLevel;
import reactor.core.publisher.Mono;

/** Where a stream id plays: the engine folder of its HLS files and its access level now. */
interface PlaybackDirectory {

    /** The live stream, or empty when the catalog knows no live stream of that id. */
    Mono<LiveStream> find(String streamId);

    /**
     * @param engineFolder the engine path of the stream's playlists and segments, ending in {@code /}
     */
    record LiveStream(String streamId, AccessLevel accessLevel, String engineFolder) {
    }
}
