package io.lunora.preset.usage;

import java.util.List;

/** Which destinations of an organization use a preset (they belong to the destination service). */
public interface PresetUsagePort {

    /**
     * The ids of the organization's destinations that use {@code presetId}; empty when none.
     * Throws a {@code RestClientException} when the destination service cannot say.
     */
    List<String> destinationsUsing(String organizationId, String presetId);
}
