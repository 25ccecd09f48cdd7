package io.lunora.auth.users;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * One action on several users of the organization at once ({@code POST /api/users/bulk}).
 *
 * @param action  {@code disable} or {@code enable}
 * @param userIds the users, 1 to 100; every one must be the organization's, or nothing is changed
 */
public record BulkUserRequest(
        @NotNull @Pattern(regexp = "disable|enable", message = "must be disable or enable") String action,
        @NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 64) String> userIds) {
}
