package io.lunora.streaming.resolve;

import io.lunora.model.destination.DestinationTarget;
import java.util.List;
import java.util.Optional;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/** destination-service's internal endpoints. */
class HttpDestinationDirectory implements DestinationDirectory {
    private final RestClient client;

    HttpDestinationDirectory(RestClient client) {
        this.client = client;
    }

    @Override
    public Optional<DestinationTarget> target(String organizationId, String destinationId) {
        try {
            return Optional.ofNullable(client.get()
                    .uri("/internal/destinations/{id}/target?organization={org}", destinationId, organizationId)
                    .retrieve().body(DestinationTarget.class));
        } catch (HttpClientErrorException.NotFound missing) {
            return Optional.empty();
        }
    }

    @Override
    public List<DestinationTarget> autoStart(String organizationId) {
        List<DestinationTarget> targets = client.get()
                .uri("/internal/destinations/auto-start?organization={org}", organizationId)
                .retrieve().body(new ParameterizedTypeReference<List<DestinationTarget>>() { });
        return targets == null ? List.of() : targets;
    }
}
