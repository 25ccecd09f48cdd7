package io.lunora.auth.users;

import java.time.Instant;

/**
 * The code mailed to a self-registered viewer, kept only as a hash.
 *
 * @param codeHash       SHA-256 of the user id and the code
 * @param expiresAt      when the code stops being accepted
 * @param sentAt         when it was mailed (resending waits a minute after that)
 * @param failedAttempts wrong codes entered for it; at the limit the code is spent
 */
public record EmailVerification(String codeHash, Instant expiresAt, Instant sentAt, int failedAttempts) {

    public EmailVerification withFailure() {
        return new EmailVerification(codeHash, expiresAt, sentAt, failedAttempts + 1);
    }
}
