package io.lunora.auth.revocation;

import io.lunora.auth.users.UserAccount;
import io.lunora.auth.users.UserStore;
import io.lunora.support.problem.NotFoundException;
import jakarta.validation.constraints.Size;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /internal/users/{id}/token-validity} (scope {@code internal}): the gateway's revocation
 * check of the local issuer's tokens. A deleted user is 404, which the gateway reads as revoked.
 * The password change counts as a revocation ({@link UserAccount#tokensValidFromSecond()}).
 */
@RestController
@Validated
@ConditionalOnProperty(name = "lunora.mode", havingValue = "local", matchIfMissing = true)
class TokenValidityController {
    private final UserStore users;

    TokenValidityController(UserStore users) {
        this.users = users;
    }

    @GetMapping("/internal/users/{id}/token-validity")
    TokenValidity validity(@PathVariable @Size(max = 64) String id) {
        UserAccount user = users.findById(id).orElseThrow(() -> new NotFoundException("user", id));
        return new TokenValidity(user.id(), user.enabled(), user.tokensValidFromSecond());
    }
}
