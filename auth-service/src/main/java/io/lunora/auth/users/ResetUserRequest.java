package io.lunora.auth.users;

/**
 * An admin's reset of another user: a new temporary password mailed to them, their MFA enrolment
 * cleared, or both. Either way the user's tokens are revoked.
 */
public record ResetUserRequest(Boolean password, Boolean mfa) {

    boolean resetsPassword() {
        return Boolean.TRUE.equals(password);
    }

    boolean resetsMfa() {
        return Boolean.TRUE.equals(mfa);
    }
}
