package io.lunora.viewer.profile;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** {@code PUT /api/viewers/profile}: the whole editable part of the profile. */
record ProfileUpdate(
        @NotNull @Pattern(regexp = "[\\p{L}\\p{N} ._'-]{1,50}", message = "must be 1 to 50 letters, digits, spaces or . _ ' -")
        String displayName,
        @NotNull @Pattern(regexp = "[A-Z]{2}|unknown", message = "must be an ISO 3166 country code such as US") String region,
        @NotNull @Valid Preferences viewingPreferences,
        @NotNull @Valid ParentalControls parentalControls) {
}
