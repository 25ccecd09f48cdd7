package io.lunora.streaming.media;

import io.lunora.model.media.PublishTarget;
import io.lunora.model.preset.EncodingPreset;

/**
 * One destination's output: its rendition preset and where to publish. {@code target} holds the
 * stream key; {@link #toString()} never prints it.
 */
public record OutputSpec(String destinationId, EncodingPreset preset, PublishTarget target) {
    @Override
    public String toString() {
        return "OutputSpec[" + destinationId + ", preset=" + preset.presetId() + "]";
    }
}
