package io.lunora.engine.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of {@code PUT /internal/engine/relays/{org}} (docs/architecture.md): the renditions
 * MediaLive sends, and the passphrase of their SRT listeners. {@link #toString()} never prints it.
 */
public record RelayRequest(
        @NotBlank @Pattern(regexp = ChannelController.ID, message = "must be 1 to 64 letters, digits, '.', '_' or '-'")
        String sessionId,
        @NotNull @Size(min = 1, max = 16, message = "must hold 1 to 16 renditions") List<@NotNull @Valid Rendition> renditions,
        @Size(min = 10, max = 79) String passphrase,
        Integer pbkeylen) {

    /** @param latencyMs SRT receive latency; 200 ms when absent */
    public record Rendition(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_.-]{1,128}", message = "must be 1 to 128 letters, digits, '.', '_' or '-'")
            String presetId,
            @Min(20) @Max(8000) Integer latencyMs) {
    }

    @Override
    public String toString() {
        return "RelayRequest[" + sessionId + ", " + renditions + ", encrypted=" + (passphrase != null) + "]";
    }
}
