package io.lunora.auth.users;

import io.lunora.model.identity.Group;
import io.lunora.support.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An admin sets the group of a consumer-pool account: the only way to make a consumer admin (the
 * consumer pool has no invitations; self-registered viewers start as {@code free}), and a way to
 * grant a tier in the pool, as in Cognito's console. Admins only (the API filter chain checks it).
 */
@RestController
@Validated
class ConsumerGroupController {
    private final ConsumerGroups groups;

    ConsumerGroupController(ConsumerGroups groups) {
        this.groups = groups;
    }

    record ChangeConsumerGroup(@NotBlank @Pattern(regexp = "free|premium|vip|consumer-admins",
            message = "must be one of free, premium, vip, consumer-admins") String group) {
    }

    @PutMapping("/api/admin/users/consumers/{username}/group")
    UserView change(Caller caller, @PathVariable @Size(max = 64) String username,
            @Valid @RequestBody ChangeConsumerGroup request) {
        return groups.change(caller, username, Group.fromClaimValue(request.group()).orElseThrow());
    }
}
