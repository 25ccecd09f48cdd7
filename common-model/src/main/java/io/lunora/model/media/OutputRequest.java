package io.lunora.model.media;

import io.lunora.model.preset.EncodingPreset;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * The body of the media engine's {@code PUT /internal/engine/channels/{org}/outputs/{destinationId}}, sent by
 * streaming-control-service; one definition for both sides. The target holds the stream key:
 * {@link #toString()} never prints it and no message repeats it.
 *
 * @param priority the destination is marked priority ({@code DestinationTarget.priority}): when the machine
 *                 cannot encode every output in real time, the engine stops the others first and never this
 *                 one; false when absent (a boxed type so that a body without it is valid: a missing primitive
 *                 is refused by the JSON reader), never null once built
 */
public record OutputRequest(@NotNull EncodingPreset preset, @NotNull @Valid PublishTarget target, Boolean priority) {
    public OutputRequest {
        priority = Boolean.TRUE.equals(priority);
    }

    @Override
    public String toString() {
        return "OutputRequest[" + (preset == null ? null : preset.presetId()) + (priority ? ", priority" : "") + "]";
    }
}
