package io.lunora.model.media;

import io.lunora.model.preset.EncodingPreset;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * The body of the media engine's {@code PUT /internal/engine/channels/{org}/outputs/{destinationId}}, sent by
 * streaming-control-service; one definition for both sides. The target holds the stream key:
 * {@link #toString()} never prints it and no message repeats it.
 */
public record OutputRequest(@NotNull EncodingPreset preset, @NotNull @Valid PublishTarget target) {
    @Override
    public String toString() {
        return "OutputRequest[" + (preset == null ? null : preset.presetId()) + "]";
    }
}
