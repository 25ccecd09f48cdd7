package io.lunora.model.viewer;

import io.lunora.model.validation.FreeText;
import io.lunora.model.validation.FreeTexts;
import jakarta.validation.constraints.Pattern;

/**
 * What viewers see of a live stream in the portal, as the operator gives it when going live: the
 * {@code catalog} member of streaming-control's {@code POST /api/streaming/start}, and the same
 * member of the {@link CatalogSessionEvent} it posts to viewer-service, which applies it to a new
 * entry (an entry an admin prepared keeps its own). One definition and one validation for both.
 * Every member may be absent: a new entry is then "Live stream" in category {@code general}.
 */
public record StreamDetails(
        @FreeText(max = 120) String title,
        @FreeText(max = 2000, multiline = true) String description,
        @Pattern(regexp = CATEGORY, message = CATEGORY_MESSAGE) String category) {

    public static final String CATEGORY = "[a-z0-9][a-z0-9 -]{0,39}";
    public static final String CATEGORY_MESSAGE = "must be a category name: lowercase letters, digits, spaces, dashes";

    public StreamDetails {
        title = blankAsNull(FreeTexts.normalized(title));
        description = blankAsNull(FreeTexts.normalized(description));
        category = blankAsNull(category);
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
