package io.lunora.auth.users;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** An admin's change of a user's group (role). */
public record ChangeUserRequest(
        @NotBlank @Pattern(regexp = "operators|admins", message = "must be 'operators' or 'admins'") String group) {
}
