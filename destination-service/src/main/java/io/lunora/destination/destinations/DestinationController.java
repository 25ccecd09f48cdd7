package io.lunora.destination.destinations;

import io.lunora.destination.connectivity.ProbeResult;
import io.lunora.support.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/destinations}: an operator's own destinations, every destination of the organization
 * for an admin; another operator's destination answers 404.
 */
@RestController
@RequestMapping("/api/destinations")
@Tag(name = "Destinations", description = "Streaming destinations; stream keys are write-only")
class DestinationController {
    private final DestinationService destinations;

    DestinationController(DestinationService destinations) {
        this.destinations = destinations;
    }

    @GetMapping
    @Operation(summary = "List the destinations the caller may use: an operator's own, all of the organization for an admin")
    List<DestinationView> list(Caller caller) {
        return destinations.list(caller).stream().map(DestinationView::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a destination; the URL is prefilled for YouTube and X")
    DestinationView create(Caller caller, @RequestBody DestinationRequest request) {
        return DestinationView.of(destinations.create(caller, request));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a destination; send the version you read (a stale one is a 409)")
    DestinationView update(Caller caller, @PathVariable String id, @RequestBody DestinationRequest request) {
        return DestinationView.of(destinations.update(caller, id, request));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a destination and its stream key")
    void delete(Caller caller, @PathVariable String id, @RequestParam(required = false) Long version) {
        destinations.delete(caller, id, version);
    }

    @PutMapping("/{id}/stream-key")
    @Operation(summary = "Rotate the stream key")
    DestinationView rotateKey(Caller caller, @PathVariable String id, @RequestBody KeyRotation rotation) {
        return DestinationView.of(destinations.rotateKey(caller, id,
                rotation == null ? null : rotation.streamKey(), rotation == null ? null : rotation.version()));
    }

    @PostMapping("/{id}/test")
    @Operation(summary = "Test RTMP connectivity: handshake and connect, reporting the step that failed")
    ProbeResult test(Caller caller, @PathVariable String id) {
        return destinations.test(caller, id);
    }

    record KeyRotation(String streamKey, Long version) {
        @Override
        public String toString() {
            return "KeyRotation[streamKey=****, version=" + version + "]";
        }
    }
}
