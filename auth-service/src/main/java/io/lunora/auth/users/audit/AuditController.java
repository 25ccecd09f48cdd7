package io.lunora.auth.users.audit;

import io.lunora.support.security.Caller;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/users/audit}: the organization's audit log of administrative actions, newest first,
 * paged by {@code cursor} (admins only, by the API chain). Bad parameters are named in the problem.
 */
@RestController
class AuditController {
    private final AdminAudit audit;

    AuditController(AdminAudit audit) {
        this.audit = audit;
    }

    @GetMapping("/api/users/audit")
    AuditPage page(Caller caller, @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) @Pattern(regexp = AuditLog.CURSOR_PATTERN,
                    message = "must be the next cursor of a previous page") String cursor) {
        return audit.page(caller, limit, cursor);
    }
}
