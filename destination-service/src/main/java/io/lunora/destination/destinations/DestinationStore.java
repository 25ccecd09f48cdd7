package io.lunora.destination.destinations;

import java.util.List;
import java.util.Optional;

/**
 * Destinations per organization. Writes carry the version read; a stale one fails with
 * {@link io.lunora.support.problem.ConflictException}.
 */
public interface DestinationStore {
    Optional<Destination> find(String organizationId, String destinationId);

    List<Destination> list(String organizationId);

    Destination create(Destination destination);

    Destination update(Destination destination);

    void delete(String organizationId, String destinationId, Long expectedVersion);
}
