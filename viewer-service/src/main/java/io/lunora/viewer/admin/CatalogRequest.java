package io.lunora.viewer.admin;

import io.lunora.viewer.catalog.CatalogRules;
import io.lunora.model.validation.FreeText;
import io.lunora.model.validation.FreeTexts;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A catalog entry as a creator (admin) writes it. {@code streamId} only on create (generated when
 * absent); {@code version} only on update, the version read before editing.
 */
record CatalogRequest(
        @Pattern(regexp = CatalogRules.STREAM_ID, message = CatalogRules.STREAM_ID_MESSAGE) String streamId,
        @NotBlank @FreeText(max = 120) String title,
        @FreeText(max = 2000, multiline = true) String description,
        @Pattern(regexp = "[A-Za-z0-9_:@.-]{1,128}", message = "must be a creator id") String creatorId,
        @NotNull @Pattern(regexp = CatalogRules.CATEGORY, message = CatalogRules.CATEGORY_MESSAGE) String category,
        @Size(max = 10) List<@NotNull @Pattern(regexp = CatalogRules.TAG, message = "must be a tag: lowercase letters, digits, dashes") String> tags,
        @Size(max = 500) @Pattern(regexp = "(https://|/)[^\\s\"'<>]*", message = "must be an https URL or a path") String thumbnailUrl,
        @NotNull @Pattern(regexp = "public|premium|vip", message = "must be one of public, premium, vip") String accessLevel,
        @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?Z", message = "must be an ISO-8601 UTC instant")
        String scheduledStart,
        Boolean mature,
        Boolean featured,
        Long version) {
    CatalogRequest {
        title = FreeTexts.normalized(title);
        description = FreeTexts.normalized(description);
    }
}
