package io.lunora.auth.users;

import io.lunora.support.security.Caller;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/users}: the organization's users, searched (admins only, by the API chain). The
 * parameters are checked by Spring MVC's own method validation, which names the parameter at fault in
 * the problem (a class-level {@code @Validated} proxy would throw a bare ConstraintViolationException).
 */
@RestController
class UserSearchController {
    /** No control characters and no lone surrogate halves. */
    private static final String PRINTABLE = "[^\\p{Cntrl}\\p{Cs}]*";
    private static final String PRINTABLE_MESSAGE = "must not contain control characters";

    private final UserAdminService service;

    UserSearchController(UserAdminService service) {
        this.service = service;
    }

    /** {@code q}: part of the username or email; {@code role}: operators or admins. */
    @GetMapping("/api/users")
    List<UserView> search(Caller caller,
            @RequestParam(required = false) @Size(max = 254) @Pattern(regexp = PRINTABLE, message = PRINTABLE_MESSAGE)
            String q,
            @RequestParam(required = false) @Pattern(regexp = "operators|admins", message = "must be operators or admins")
            String role,
            @RequestParam(required = false) @Size(max = 254) @Pattern(regexp = PRINTABLE, message = PRINTABLE_MESSAGE)
            String username,
            @RequestParam(required = false) @Size(max = 254) @Pattern(regexp = PRINTABLE, message = PRINTABLE_MESSAGE)
            String email) {
        return service.search(caller, new UserSearch(q, role, username, email));
    }
}
