package io.lunora.source.config;

import java.time.Instant;

/** What the API shows of a configuration: everything but the passphrases, which show as {@code encrypted}. */
public record SourceConfigurationView(String configId, String name, boolean isDefault, String redundancyMode,
        int failoverThreshold, int healthCheckInterval, String failback, int failbackAfter, Source primarySource,
        Source secondarySource, Instant updatedAt, String updatedBy, Long version) {

    public record Source(String name, String mode, String host, int port, int latencyMs, Integer pbkeylen,
            String streamId, boolean encrypted) {
        static Source of(SrtSource s) {
            return s == null ? null : new Source(s.name(), s.mode().value(), s.host(), s.port(), s.latencyMs(),
                    s.pbkeylen(), s.streamId(), s.encrypted());
        }
    }

    static SourceConfigurationView of(SourceConfiguration c) {
        return new SourceConfigurationView(c.configId(), c.name(), c.isDefault(), c.redundancyMode().value(),
                c.failoverThreshold(), c.healthCheckInterval(), c.failback().name().toLowerCase(), c.failbackAfter(),
                Source.of(c.primarySource()), Source.of(c.secondarySource()), c.updatedAt(), c.updatedBy(), c.version());
    }
}
