package io.lunora.auth.users;

import io.lunora.model.identity.Group;
import io.lunora.model.identity.Pool;
import java.time.Instant;
import java.util.List;

/**
 * A user of one pool. Usernames and emails are unique within a pool (stored lower-case). The
 * password hash, its history and the backup code hashes never leave the service; the TOTP
 * secret is not here at all but in the secret store.
 *
 * @param passwordTemporary set by an invitation: the next sign-in must choose a new password
 * @param totpLastStep      the last 30 s step whose code was accepted (replay protection)
 * @param version           optimistic locking; null for a user not stored yet
 * @param verification      the pending email verification of a self-registered viewer; null once the
 *                          address is verified (and for invited users, whose invitation mail proved it)
 */
public record UserAccount(String id, Pool pool, String username, String email, Group group, String organizationId,
        boolean enabled, String passwordHash, List<String> passwordHistory, Instant passwordChangedAt,
        boolean passwordTemporary, int failedSignIns, Instant lockedUntil, boolean mfaEnrolled, long totpLastStep,
        List<String> backupCodeHashes, Instant createdAt, Long version, EmailVerification verification) {

    public UserAccount {
        passwordHistory = passwordHistory == null ? List.of() : List.copyOf(passwordHistory);
        backupCodeHashes = backupCodeHashes == null ? List.of() : List.copyOf(backupCodeHashes);
    }

    /** A user whose email address needs no verification (invited, seeded). */
    public UserAccount(String id, Pool pool, String username, String email, Group group, String organizationId,
            boolean enabled, String passwordHash, List<String> passwordHistory, Instant passwordChangedAt,
            boolean passwordTemporary, int failedSignIns, Instant lockedUntil, boolean mfaEnrolled, long totpLastStep,
            List<String> backupCodeHashes, Instant createdAt, Long version) {
        this(id, pool, username, email, group, organizationId, enabled, passwordHash, passwordHistory,
                passwordChangedAt, passwordTemporary, failedSignIns, lockedUntil, mfaEnrolled, totpLastStep,
                backupCodeHashes, createdAt, version, null);
    }

    public boolean emailVerified() {
        return verification == null;
    }

    public UserAccount withVerification(EmailVerification pending) {
        return new UserAccount(id, pool, username, email, group, organizationId, enabled, passwordHash,
                passwordHistory, passwordChangedAt, passwordTemporary, failedSignIns, lockedUntil, mfaEnrolled,
                totpLastStep, backupCodeHashes, createdAt, version, pending);
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public UserAccount withPassword(String hash, List<String> history, Instant changedAt, boolean temporary) {
        return new UserAccount(id, pool, username, email, group, organizationId, enabled, hash, history, changedAt,
                temporary, failedSignIns, lockedUntil, mfaEnrolled, totpLastStep, backupCodeHashes, createdAt, version,
                verification);
    }

    public UserAccount withFailures(int failures, Instant locked) {
        return new UserAccount(id, pool, username, email, group, organizationId, enabled, passwordHash,
                passwordHistory, passwordChangedAt, passwordTemporary, failures, locked, mfaEnrolled, totpLastStep,
                backupCodeHashes, createdAt, version, verification);
    }

    public UserAccount withMfa(boolean enrolled, long lastStep, List<String> backupCodes) {
        return new UserAccount(id, pool, username, email, group, organizationId, enabled, passwordHash,
                passwordHistory, passwordChangedAt, passwordTemporary, failedSignIns, lockedUntil, enrolled, lastStep,
                backupCodes, createdAt, version, verification);
    }

    public UserAccount withGroup(Group newGroup) {
        return new UserAccount(id, pool, username, email, newGroup, organizationId, enabled, passwordHash,
                passwordHistory, passwordChangedAt, passwordTemporary, failedSignIns, lockedUntil, mfaEnrolled,
                totpLastStep, backupCodeHashes, createdAt, version, verification);
    }

    public UserAccount withEnabled(boolean newEnabled) {
        return new UserAccount(id, pool, username, email, group, organizationId, newEnabled, passwordHash,
                passwordHistory, passwordChangedAt, passwordTemporary, failedSignIns, lockedUntil, mfaEnrolled,
                totpLastStep, backupCodeHashes, createdAt, version, verification);
    }
}
