package io.lunora.preset.presets;

import io.lunora.model.preset.EncodingPreset;
import java.util.List;
import java.util.Optional;

/**
 * Where presets are kept, per organization. Built-in presets live under {@link #BUILT_IN_SCOPE}.
 * A write whose {@code version} is not the stored one fails with
 * {@link io.lunora.support.problem.ConflictException}.
 */
public interface PresetStore {
    /** The partition of the built-in presets; no organization id can take this value ('#'). */
    String BUILT_IN_SCOPE = "#builtin";

    Optional<EncodingPreset> find(String scope, String presetId);

    List<EncodingPreset> list(String scope);

    /** Stores a new preset (version 1); fails if the id is taken. */
    EncodingPreset create(String scope, EncodingPreset preset);

    /** Replaces a preset if its stored version is {@code preset.version()}; returns the new version. */
    EncodingPreset update(String scope, EncodingPreset preset);

    /** Deletes a preset if its stored version is {@code expectedVersion} (any version when null). */
    void delete(String scope, String presetId, Long expectedVersion);
}
