package io.lunora.engine.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The body of {@code POST /internal/engine/channels/{org}/switch}; the reason defaults to {@code manual}. */
public record SwitchRequest(
        @NotNull @Pattern(regexp = "primary|secondary", message = "must be primary or secondary") String input,
        @Pattern(regexp = "[a-z_]{1,40}", message = "must be 1 to 40 lower-case letters or '_'") String reason) {
}
