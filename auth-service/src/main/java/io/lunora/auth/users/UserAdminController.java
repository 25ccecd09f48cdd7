package io.lunora.auth.users;

import io.lunora.support.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * User administration for admins (roles are checked by the API filter chain), own profile for all.
 * The list and its search: {@link UserSearchController}.
 */
@RestController
@RequestMapping("/api/users")
@Validated
class UserAdminController {
    private final UserAdminService service;

    UserAdminController(UserAdminService service) {
        this.service = service;
    }

    @GetMapping("/me")
    UserView me(Caller caller) {
        return service.me(caller);
    }

    @GetMapping("/{id}")
    UserView get(Caller caller, @PathVariable @Size(max = 64) String id) {
        return service.get(caller, id);
    }

    @PostMapping
    ResponseEntity<UserView> invite(Caller caller, @Valid @RequestBody InviteUserRequest request) {
        UserView created = service.invite(caller, request);
        return ResponseEntity.created(URI.create("/api/users/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    UserView change(Caller caller, @PathVariable @Size(max = 64) String id,
            @Valid @RequestBody ChangeUserRequest request) {
        return service.changeGroup(caller, id, request);
    }

    @PostMapping("/{id}/disable")
    UserView disable(Caller caller, @PathVariable @Size(max = 64) String id) {
        return service.setEnabled(caller, id, false);
    }

    @PostMapping("/{id}/enable")
    UserView enable(Caller caller, @PathVariable @Size(max = 64) String id) {
        return service.setEnabled(caller, id, true);
    }
}
