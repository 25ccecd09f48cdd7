package io.lunora.auth.users;

import io.lunora.support.security.Caller;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/users}: the organization's users, searched (admins only, by the API chain), and
 * {@code GET /api/users/export} the same as CSV. The
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

    /** The same search as a CSV download (a spreadsheet, an access review). */
    @GetMapping("/api/users/export") // any Accept: a download link asks for */*, a script may ask for JSON
    ResponseEntity<String> export(Caller caller,
            @RequestParam(required = false) @Size(max = 254) @Pattern(regexp = PRINTABLE, message = PRINTABLE_MESSAGE)
            String q,
            @RequestParam(required = false) @Pattern(regexp = "operators|admins", message = "must be operators or admins")
            String role) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"lunora-users.csv\"")
                .body(UsersCsv.of(service.search(caller, new UserSearch(q, role, null, null))));
    }
}
