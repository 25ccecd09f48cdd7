package io.lunora.auth.users;

import io.lunora.support.security.Caller;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/users/bulk}: disable or enable several users at once (admins, by the API chain). */
@RestController
class UserBulkController {
    private final UserAdminService service;

    UserBulkController(UserAdminService service) {
        this.service = service;
    }

    /** The users after the change, in the order asked. */
    @PostMapping("/api/users/bulk")
    List<UserView> apply(Caller caller, @Valid @RequestBody BulkUserRequest request) {
        return service.setEnabled(caller, request.userIds(), "enable".equals(request.action()));
    }
}
