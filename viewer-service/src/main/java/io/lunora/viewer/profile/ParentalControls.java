package io.lunora.viewer.profile;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Content restrictions that filter the catalog for this viewer: whole categories, and entries an
 * admin marked as mature.
 */
public record ParentalControls(
        @NotNull Boolean enabled,
        @NotNull @Size(max = 50) List<@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9 -]{0,39}",
                message = "must be a category name: lowercase letters, digits, spaces, dashes") String> blockedCategories,
        @NotNull Boolean hideMature) {

    public static ParentalControls off() {
        return new ParentalControls(false, List.of(), false);
    }

    /** Whether an entry of this category and maturity may be shown. */
    public boolean allows(String category, boolean mature) {
        return !enabled || !(blockedCategories.contains(category) || hideMature && mature);
    }
}
