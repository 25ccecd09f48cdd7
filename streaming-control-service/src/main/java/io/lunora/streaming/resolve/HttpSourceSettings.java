package io.lunora.streaming.resolve;

import io.lunora.model.media.ChannelRequest;
import java.util.List;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

/** source-service's internal endpoint: the inputs with their passphrases. */
class HttpSourceSettings implements SourceSettings {
    private final RestClient client;

    HttpSourceSettings(RestClient client) {
        this.client = client;
    }

    @Override
    public ChannelRequest.Inputs current(String organizationId) {
        return client.get().uri("/internal/sources/config?organization={org}", organizationId)
                .retrieve().body(ChannelRequest.Inputs.class);
    }

    @Override
    public List<String> configuredOrganizations() {
        List<String> organizations = client.get().uri("/internal/sources/organizations").retrieve()
                .body(new ParameterizedTypeReference<List<String>>() { });
        return organizations == null ? List.of() : organizations;
    }
}
