package io.lunora.engine.api;

import io.lunora.engine.relay.RelayConfig;
import io.lunora.engine.orchestration.Orchestrator;
import io.lunora.support.problem.InvalidFieldException;
import jakarta.validation.Valid;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Relay mode (docs/aws.md, "Per-destination control on MediaLive"): the renditions MediaLive
 * sends over SRT. Outputs, status and events of a relay are the channel endpoints'.
 */
@RestController
@RequestMapping("/internal/engine/relays")
class RelayController {
    private static final int DEFAULT_LATENCY_MS = 200;

    private final Orchestrator engine;

    RelayController(Orchestrator engine) {
        this.engine = engine;
    }

    @PutMapping("/{organization}")
    RelayView apply(@PathVariable String organization, @Valid @RequestBody RelayRequest body) {
        ChannelController.requireId("organization", organization);
        return RelayView.of(engine.applyRelay(organization, config(body)));
    }

    @DeleteMapping("/{organization}")
    ResponseEntity<Void> stop(@PathVariable String organization) {
        ChannelController.requireId("organization", organization);
        engine.stopRelay(organization);
        return ResponseEntity.noContent().build();
    }

    /** The checks Bean Validation cannot express. */
    static RelayConfig config(RelayRequest body) {
        Set<String> seen = new HashSet<>();
        List<RelayRequest.Rendition> renditions = body.renditions();
        for (int i = 0; i < renditions.size(); i++) {
            if (!seen.add(renditions.get(i).presetId())) {
                throw new InvalidFieldException("renditions[" + i + "].preset_id", "must not repeat another rendition's preset");
            }
        }
        Integer pbkeylen = body.pbkeylen();
        if (pbkeylen != null && pbkeylen != 16 && pbkeylen != 24 && pbkeylen != 32) {
            throw new InvalidFieldException("pbkeylen", "must be 16, 24 or 32");
        }
        return new RelayConfig(body.sessionId(), renditions.stream()
                .map(r -> new RelayConfig.RenditionSettings(r.presetId(),
                        r.latencyMs() == null ? DEFAULT_LATENCY_MS : r.latencyMs()))
                .toList(), body.passphrase(), pbkeylen == null ? 16 : pbkeylen);
    }
}
