package io.lunora.preset.usage;

import java.util.List;

/** Which destinations of an organization use a preset (they belong to the destination service). */
public interface PresetUsagePort {

    /** The ids of the organization's destinations that use {@code presetId}; empty when none. */
    List<String> destinationsUsing(String organizationId, String presetId);

    /** The destination service could not be asked; deleting must not go ahead blind. */
    class UsageUnknownException extends RuntimeException {
        public UsageUnknownException(Throwable cause) {
            super("preset usage could not be checked", cause);
        }
    }
}
