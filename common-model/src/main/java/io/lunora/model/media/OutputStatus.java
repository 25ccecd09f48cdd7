package io.lunora.model.media;

/**
 * One destination's push as the media backend reports it. Never holds a stream key: the last
 * error is redacted before it gets here.
 *
 * @param rendition the preset label of the encoder it is fed from
 * @param attempts  consecutive failed attempts since it was last live
 */
public record OutputStatus(String destinationId, OutputState state, String rendition, String lastError,
        int attempts, double bitrateKbps) {
}
