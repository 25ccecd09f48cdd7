package io.lunora.auth.users;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An admin's invitation of an internal user into the admin's own organization. */
public record InviteUserRequest(
        @NotBlank @Pattern(regexp = UserAdminService.USERNAME_PATTERN,
                message = "must be 3 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit")
        String username,
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Pattern(regexp = "operators|admins", message = "must be 'operators' or 'admins'") String group) {
}
