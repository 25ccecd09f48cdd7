package io.lunora.model.playback;

/**
 * What the gateway needs to serve {@code /hls/t/{token}/{stream_id}/...}: the answer of
 * viewer-service's {@code GET /internal/catalog/streams/{streamId}/playback} (client-credentials
 * token, scope {@code internal}; never routed). snake_case on the wire.
 *
 * @param streamId    the catalog entry
 * @param accessLevel its access level now ({@code public}, {@code premium}, {@code vip}): a token's
 *                    tier is checked against it on every request
 * @param hlsUrl      the master playlist path at the HLS origin ({@link HlsPlaylistPaths}); the
 *                    gateway serves the files of its folder
 * @param isLive      false once the session ended (the gateway then answers 404)
 */
public record PlaybackTarget(String streamId, String accessLevel, String hlsUrl, boolean isLive) {
}
