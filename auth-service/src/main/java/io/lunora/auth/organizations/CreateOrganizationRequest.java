package io.lunora.auth.organizations;

import io.lunora.auth.users.UserAdminService;
import io.lunora.model.validation.FreeText;
import io.lunora.model.validation.FreeTexts;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A platform admin's new organization and its first admin. The id becomes part of resource names
 * (S3 buckets {@code lunora-{org}-{env}}, MediaLive channels {@code {org}-{env}-...}), hence lower
 * case letters, digits and inner hyphens only.
 */
public record CreateOrganizationRequest(
        @NotBlank @Pattern(regexp = ID_PATTERN,
                message = "must be 3 to 32 lower-case letters, digits or inner '-'") String id,
        @NotBlank @FreeText(max = 100) String name,
        @NotBlank @Pattern(regexp = UserAdminService.USERNAME_PATTERN,
                message = "must be 3 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit")
        String adminUsername,
        @NotBlank @Email @Size(max = 254) String adminEmail) {

    public static final String ID_PATTERN = "[a-z0-9][a-z0-9-]{1,30}[a-z0-9]";

    public CreateOrganizationRequest {
        name = FreeTexts.normalized(name);
    }
}
