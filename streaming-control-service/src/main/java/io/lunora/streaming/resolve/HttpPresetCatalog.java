package io.lunora.streaming.resolve;

import io.lunora.model.preset.EncodingPreset;
import java.util.Optional;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/** preset-service's internal endpoint. */
class HttpPresetCatalog implements PresetCatalog {
    private final RestClient client;

    HttpPresetCatalog(RestClient client) {
        this.client = client;
    }

    @Override
    public Optional<EncodingPreset> preset(String organizationId, String presetId) {
        try {
            return Optional.ofNullable(client.get()
                    .uri("/internal/presets/{id}?organization={org}", presetId, organizationId)
                    .retrieve().body(EncodingPreset.class));
        } catch (HttpClientErrorException.NotFound missing) {
            return Optional.empty();
        }
    }
}
