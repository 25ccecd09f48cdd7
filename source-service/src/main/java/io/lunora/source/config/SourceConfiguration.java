package io.lunora.source.config;

import java.time.Instant;

/** An organization's source redundancy configuration (the SourceConfiguration table). */
public record SourceConfiguration(String organizationId, String configId, String name, boolean isDefault,
        RedundancyMode redundancyMode, int failoverThreshold, int healthCheckInterval, FailbackPolicy failback,
        int failbackAfter, SrtSource primarySource, SrtSource secondarySource, Instant updatedAt, String updatedBy,
        Long version) {

    /** After an automatic failover: stay on the backup, or return once the primary has been healthy a while. */
    public enum FailbackPolicy {
        STAY, RETURN_TO_PRIMARY
    }
}
