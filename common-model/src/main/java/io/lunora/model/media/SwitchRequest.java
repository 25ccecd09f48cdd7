package io.lunora.model.media;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Put {@code input} on air now: the body of the media engine's {@code POST
 * /internal/engine/channels/{org}/switch}, and of the public {@code POST /api/sources/switch}
 * that streaming-control-service passes on. One definition, so the operator's request and the
 * engine's validation cannot drift apart.
 *
 * @param input  {@code primary} or {@code secondary}
 * @param reason the operator's own words (free text, at most 200 characters, no control
 *               characters); optional. It is shown and logged, never the switch event's machine
 *               reason ({@code manual})
 */
public record SwitchRequest(
        @NotNull @Pattern(regexp = "primary|secondary", message = "must be primary or secondary") String input,
        @Size(max = MAX_REASON, message = "must be at most " + MAX_REASON + " characters")
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String reason) {

    public static final int MAX_REASON = 200;
}
