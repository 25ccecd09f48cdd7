package io.lunora.streaming.media;

import io.lunora.model.destination.DestinationTarget;
import io.lunora.model.media.PublishTarget;
import io.lunora.model.preset.EncodingPreset;

/**
 * One destination's output: its rendition preset and where to publish. {@code target} holds the
 * stream key; {@link #toString()} never prints it.
 *
 * @param priority the destination is marked priority: the local engine sheds other outputs first, never this
 *                 one, when the machine cannot keep real time (MediaLive encodes in the cloud: not read there)
 */
public record OutputSpec(String destinationId, EncodingPreset preset, PublishTarget target, boolean priority) {

    /** An output that is not marked priority. */
    public OutputSpec(String destinationId, EncodingPreset preset, PublishTarget target) {
        this(destinationId, preset, target, false);
    }

    /** The output of a destination as destination-service resolved it, with the preset it streams. */
    public static OutputSpec of(DestinationTarget destination, EncodingPreset preset) {
        return new OutputSpec(destination.destinationId(), preset, destination.publishTarget(), destination.priority());
    }

    @Override
    public String toString() {
        return "OutputSpec[" + destinationId + ", preset=" + preset.presetId() + (priority ? ", priority" : "") + "]";
    }
}
