package io.lunora.auth.users;

import io.lunora.support.security.Caller;
import jakarta.validation.constraints.Size;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/users/{id}/reset}: an admin resets another user's password and/or MFA (admins only, by the API chain). */
@RestController
@Validated
class UserResetController {
    private final UserResetService service;

    UserResetController(UserResetService service) {
        this.service = service;
    }

    @PostMapping("/api/users/{id}/reset")
    UserView reset(Caller caller, @PathVariable @Size(max = 64) String id, @RequestBody ResetUserRequest request) {
        return service.reset(caller, id, request);
    }
}
