package io.lunora.streaming.resolve;

import io.lunora.streaming.media.ChannelSpec;

/** Outgoing port: the organization's source configuration with its passphrases (source-service). */
public interface SourceSettings {
    ChannelSpec.Inputs current(String organizationId);
}
