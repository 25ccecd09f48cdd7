package io.lunora.preset.usage;

import io.lunora.model.destination.PresetUsage;
import java.util.List;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Asks the destination service's internal endpoint which destinations use a preset. The
 * {@link RestClient} it gets already attaches a client-credentials token.
 */
class DestinationServiceUsageClient implements PresetUsagePort {
    private final RestClient client;

    DestinationServiceUsageClient(RestClient client) {
        this.client = client;
    }

    @Override
    public List<String> destinationsUsing(String organizationId, String presetId) {
        PresetUsage usage = client.get()
                .uri("/internal/destinations/preset-usage/{presetId}?organization={organization}",
                        presetId, organizationId)
                .retrieve().body(PresetUsage.class);
        if (usage == null) {
            throw new RestClientException("destination-service answered no preset usage");
        }
        return usage.destinationIds();
    }
}
