package io.lunora.auth.revocation;

/**
 * What the gateway needs to refuse a revoked access token: whether the user may still use tokens
 * at all, and the second before which their tokens are revoked (compared with the token's
 * {@code iat}, which has whole seconds).
 *
 * @param active               false for a disabled user
 * @param notBeforeEpochSecond tokens with {@code iat} below it are revoked; null when none is
 */
public record TokenValidity(String userId, boolean active, Long notBeforeEpochSecond) {
}
