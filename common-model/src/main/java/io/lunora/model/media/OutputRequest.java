package io.lunora.model.media;

import io.lunora.model.preset.EncodingPreset;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of the media engine's {@code PUT /internal/engine/channels/{org}/outputs/{destinationId}}, sent by
 * streaming-control-service; one definition for both sides. The publish URL
 * holds the stream key: {@link #toString()} never prints it and no message repeats it.
 */
public record OutputRequest(
        @NotNull EncodingPreset preset,
        @NotBlank @Size(max = 2048)
        @Pattern(regexp = "rtmps?://[A-Za-z0-9.\\-\\[\\]:]+/[^/\\s]+/\\S+",
                message = "must be an rtmp:// or rtmps:// URL with an application and a stream key")
        String publishUrl) {
    @Override
    public String toString() {
        return "OutputRequest[" + (preset == null ? null : preset.presetId()) + "]";
    }
}
