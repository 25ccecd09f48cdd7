package io.lunora.streaming.media;

import io.lunora.model.preset.EncodingPreset;

/**
 * One destination's output: its rendition preset and where to publish. {@code publishUrl}
 * contains the stream key; {@link #toString()} never prints it.
 */
public record OutputSpec(String destinationId, EncodingPreset preset, String publishUrl) {
    @Override
    public String toString() {
        return "OutputSpec[" + destinationId + ", preset=" + preset.presetId() + "]";
    }
}
