package io.lunora.viewer.thumbnail;

/**
 * What a thumbnail source needs to know of a live catalog entry.
 *
 * @param hlsUrl the engine path of its master playlist, {@code /hls/{folder}/master.m3u8}
 */
public record LiveStream(String streamId, String organizationId, String hlsUrl) {
}
