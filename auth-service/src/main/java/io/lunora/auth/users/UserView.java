package io.lunora.auth.users;

import java.time.Instant;

/**
 * A user as the admin API shows it. No password, hash, TOTP secret or backup code is part of it.
 *
 * @param status {@code FORCE_CHANGE_PASSWORD} until the invitee chose a password, then
 *               {@code CONFIRMED} (Cognito's names)
 * @param lastSignInAt when the user last completed a sign-in; null before the first (and with Cognito)
 */
public record UserView(String id, String username, String email, String group, String organization, boolean enabled,
        String status, boolean mfaEnrolled, boolean locked, Instant createdAt, Instant lastSignInAt) {

    static UserView of(UserAccount user, Instant now) {
        return new UserView(user.id(), user.username(), user.email(), user.group().claimValue(), user.organizationId(),
                user.enabled(), user.passwordTemporary() ? "FORCE_CHANGE_PASSWORD" : "CONFIRMED", user.mfaEnrolled(),
                user.isLockedAt(now), user.createdAt(), user.lastSignInAt());
    }
}
