package io.lunora.model.destination;

import java.util.List;

/**
 * Which destinations of an organization use a preset: the answer of
 * {@code GET /internal/destinations/preset-usage/{presetId}?organization=...}. The preset
 * service refuses to delete a preset while this list is not empty.
 */
public record PresetUsage(String presetId, String organizationId, List<String> destinationIds) {
    public PresetUsage {
        destinationIds = destinationIds == null ? List.of() : List.copyOf(destinationIds);
    }
}
