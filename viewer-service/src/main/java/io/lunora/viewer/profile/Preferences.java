package io.lunora.viewer.profile;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Viewing preferences of the profile screen. */
public record Preferences(
        @NotNull @Pattern(regexp = "auto|standard|high|ultra", message = "must be one of auto, standard, high, ultra")
        String defaultQuality,
        @NotNull @Pattern(regexp = "[a-z]{2,3}(-[A-Z]{2})?", message = "must be a language tag such as en or pt-BR")
        String language,
        @NotNull Boolean autoplay,
        @NotNull Boolean notifications,
        @NotNull @Pattern(regexp = "public|private", message = "must be public or private")
        String profileVisibility,
        @NotNull Boolean saveHistory) {

    public static Preferences defaults() {
        return new Preferences("auto", "en", true, true, "public", true);
    }
}
