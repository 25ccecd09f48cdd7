package io.lunora.model.identity;

import java.util.List;

/**
 * What the gateway needs to refuse a revoked access token: auth-service's answer to
 * {@code GET /internal/users/{id}/token-validity} (scope {@code internal}), read by the gateway. One
 * definition for both sides; snake_case on the wire. Whether the user may still use tokens at all,
 * and the second before which their tokens are revoked (compared with the token's {@code iat},
 * which has whole seconds).
 *
 * @param active               false for a disabled user
 * @param notBeforeEpochSecond tokens with {@code iat} below it are revoked; null when none is
 * @param revokedSessionIds    sign-in sessions ended (by the concurrent-session limit or a sign-out)
 *                             whose access tokens (claim {@code sid}) may not have expired yet: those
 *                             are revoked
 */
public record TokenValidity(String userId, boolean active, Long notBeforeEpochSecond,
        List<String> revokedSessionIds) {
}
