package io.lunora.preset.presets;

import io.lunora.model.preset.EncodingPreset.AdvancedSettings;
import io.lunora.model.preset.EncodingPreset.AudioSettings;
import io.lunora.model.preset.EncodingPreset.VideoSettings;

/**
 * A preset as a client writes it (create, update, import). {@code advanced} may be left out:
 * the GOP follows the keyframe interval and the buffer is calculated from the bitrate.
 *
 * @param passthrough copy the source when it fits {@code video} and {@code audio}; absent means false
 * @param version     the version the client read; required on update
 */
public record PresetRequest(String name, String platform, Boolean passthrough, VideoSettings video,
        AudioSettings audio, AdvancedSettings advanced, Long version) {

    public PresetRequest {
        passthrough = Boolean.TRUE.equals(passthrough);
    }
}
