package io.lunora.destination.destinations;

import io.lunora.model.destination.DestinationTarget;
import io.lunora.model.destination.PresetUsage;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Service-to-service reads (scope {@code internal}; the gateway never routes {@code /internal/**}).
 * Only here does a stream key leave the service: to the streaming control service, which hands
 * it to the media engine.
 */
@RestController
@RequestMapping("/internal/destinations")
@Hidden
class InternalDestinationController {
    private final DestinationService destinations;

    InternalDestinationController(DestinationService destinations) {
        this.destinations = destinations;
    }

    @GetMapping("/{id}/target")
    DestinationTarget target(@PathVariable String id, @RequestParam String organization) {
        return destinations.target(organization, id);
    }

    @GetMapping("/auto-start")
    List<DestinationTarget> autoStart(@RequestParam String organization) {
        return destinations.autoStartTargets(organization);
    }

    @GetMapping("/preset-usage/{presetId}")
    PresetUsage presetUsage(@PathVariable String presetId, @RequestParam String organization) {
        return destinations.presetUsage(organization, presetId);
    }
}
