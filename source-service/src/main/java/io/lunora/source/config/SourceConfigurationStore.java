package io.lunora.source.config;

import java.util.List;
import java.util.Optional;

/** Outgoing port: where configurations are kept. */
public interface SourceConfigurationStore {

    Optional<SourceConfiguration> findDefault(String organizationId);

    /** The organizations that saved a default configuration. */
    List<String> organizationsWithDefault();

    /**
     * Saves conditionally: a configuration with a null version must not exist yet; otherwise the
     * stored version must equal {@code configuration.version()}. A lost race throws the store's
     * conditional-write failure, which the API answers with 409.
     */
    SourceConfiguration save(SourceConfiguration configuration);
}
