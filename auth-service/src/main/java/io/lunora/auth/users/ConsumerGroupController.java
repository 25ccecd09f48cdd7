package io.lunora.auth.users;

import io.lunora.model.identity.Group;
import io.lunora.model.identity.Pool;
import io.lunora.support.problem.NotFoundException;
import io.lunora.support.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private static final Logger log = LoggerFactory.getLogger(ConsumerGroupController.class);

    private final UserStore users;
    private final Clock clock;

    ConsumerGroupController(UserStore users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    record ChangeConsumerGroup(@NotBlank @Pattern(regexp = "free|premium|vip|consumer-admins",
            message = "must be one of free, premium, vip, consumer-admins") String group) {
    }

    @PutMapping("/api/admin/users/consumers/{username}/group")
    UserView change(Caller caller, @PathVariable @Size(max = 64) String username,
            @Valid @RequestBody ChangeConsumerGroup request) {
        UserAccount user = users.findByUsername(Pool.CONSUMER, username)
                .orElseThrow(() -> new NotFoundException("viewer", username));
        Group group = Group.fromClaimValue(request.group()).orElseThrow();
        UserAccount saved = user.group() == group ? user : users.save(user.withGroup(group));
        log.info("Consumer {} set to group {} by admin {}", saved.id(), group.claimValue(), caller.userId());
        return UserView.of(saved, clock.instant());
    }
}
