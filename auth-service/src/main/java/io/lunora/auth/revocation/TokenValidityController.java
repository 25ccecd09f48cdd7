package io.lunora.auth.revocation;

import io.lunora.model.identity.TokenValidity;
import io.lunora.auth.users.UserAccount;
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
    private final TokenValidities validities;

    TokenValidityController(TokenValidities validities) {
        this.validities = validities;
    }

    @GetMapping("/internal/users/{id}/token-validity")
    TokenValidity validity(@PathVariable @Size(max = 64) String id) {
        return validities.of(id);
    }
}
