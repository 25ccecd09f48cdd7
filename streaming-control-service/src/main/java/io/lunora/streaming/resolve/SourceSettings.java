package io.lunora.streaming.resolve;

import io.lunora.model.media.ChannelRequest;
import java.util.List;

/** Outgoing port: the organization's source configuration with its passphrases (source-service). */
public interface SourceSettings {
    ChannelRequest.Inputs current(String organizationId);

    /** The organizations that saved a source configuration. */
    List<String> configuredOrganizations();
}
