package io.lunora.streaming.resolve;

import io.lunora.model.preset.EncodingPreset;
import java.util.Optional;

/** Outgoing port: encoding presets visible to an organization (preset-service). */
public interface PresetCatalog {
    Optional<EncodingPreset> preset(String organizationId, String presetId);
}
