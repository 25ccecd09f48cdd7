package io.lunora.streaming.resolve;

import io.lunora.streaming.media.ChannelSpec;
import org.springframework.web.client.RestClient;

/** source-service's internal endpoint: the inputs with their passphrases. */
class HttpSourceSettings implements SourceSettings {
    private final RestClient client;

    HttpSourceSettings(RestClient client) {
        this.client = client;
    }

    @Override
    public ChannelSpec.Inputs current(String organizationId) {
        return client.get().uri("/internal/sources/config?organization={org}", organizationId)
                .retrieve().body(ChannelSpec.Inputs.class);
    }
}
