package io.lunora.streaming.resolve;

import io.lunora.model.destination.DestinationTarget;
import java.util.List;
import java.util.Optional;

/** Outgoing port: the organization's destinations with their stream keys (destination-service). */
public interface DestinationDirectory {

    /** The destination, or empty when it does not exist in that organization. */
    Optional<DestinationTarget> target(String organizationId, String destinationId);

    /** Enabled destinations marked auto-start. */
    List<DestinationTarget> autoStart(String organizationId);
}
