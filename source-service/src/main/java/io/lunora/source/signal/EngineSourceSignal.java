package io.lunora.source.signal;

import java.util.Optional;
import org.springframework.web.client.RestClient;

/** The local engine's channel status and switch endpoints (docs/architecture.md). */
class EngineSourceSignal implements SourceSignal {
    private final RestClient engine;

    EngineSourceSignal(RestClient engine) {
        this.engine = engine;
    }

    record SwitchBody(String input, String reason) {
    }

    @Override
    public SignalStatus status(String organizationId) {
        SignalStatus status = engine.get().uri("/internal/engine/channels/{org}", organizationId)
                .retrieve().body(SignalStatus.class);
        return status == null ? new SignalStatus(false, null, java.util.List.of()) : status;
    }

    /** The engine switches on the input's next keyframe: nothing to tell the operator. */
    @Override
    public Optional<String> switchTo(String organizationId, String input, String reason) {
        engine.post().uri("/internal/engine/channels/{org}/switch", organizationId)
                .body(new SwitchBody(input, reason)).retrieve().toBodilessEntity();
        return Optional.empty();
    }
}
