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
 * @param tokensNotBefore   tokens issued before this instant are revoked (disabled, MFA reset); a password
 *                          change revokes through {@code passwordChangedAt}: see {@link #tokensValidFromSecond()}
 * @param lastSignInAt      when the user last completed a sign-in (every factor); null before the first
 */
public record UserAccount(String id, Pool pool, String username, String email, Group group, String organizationId,
        boolean enabled, String passwordHash, List<String> passwordHistory, Instant passwordChangedAt,
        boolean passwordTemporary, int failedSignIns, Instant lockedUntil, boolean mfaEnrolled, long totpLastStep,
        List<String> backupCodeHashes, Instant createdAt, Long version, EmailVerification verification,
        Instant tokensNotBefore, Instant lastSignInAt) {

    public UserAccount {
        passwordHistory = passwordHistory == null ? List.of() : List.copyOf(passwordHistory);
        backupCodeHashes = backupCodeHashes == null ? List.of() : List.copyOf(backupCodeHashes);
    }

    public UserAccount(String id, Pool pool, String username, String email, Group group, String organizationId,
            boolean enabled, String passwordHash, List<String> passwordHistory, Instant passwordChangedAt,
            boolean passwordTemporary, int failedSignIns, Instant lockedUntil, boolean mfaEnrolled, long totpLastStep,
            List<String> backupCodeHashes, Instant createdAt, Long version, EmailVerification verification,
            Instant tokensNotBefore) {
        this(id, pool, username, email, group, organizationId, enabled, passwordHash, passwordHistory,
                passwordChangedAt, passwordTemporary, failedSignIns, lockedUntil, mfaEnrolled, totpLastStep,
                backupCodeHashes, createdAt, version, verification, tokensNotBefore, null);
    }

    public UserAccount(String id, Pool pool, String username, String email, Group group, String organizationId,
            boolean enabled, String passwordHash, List<String> passwordHistory, Instant passwordChangedAt,
            boolean passwordTemporary, int failedSignIns, Instant lockedUntil, boolean mfaEnrolled, long totpLastStep,
            List<String> backupCodeHashes, Instant createdAt, Long version, EmailVerification verification) {
        this(id, pool, username, email, group, organizationId, enabled, passwordHash, passwordHistory,
                passwordChangedAt, passwordTemporary, failedSignIns, lockedUntil, mfaEnrolled, totpLastStep,
                backupCodeHashes, createdAt, version, verification, null);
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
                totpLastStep, backupCodeHashes, createdAt, version, pending, tokensNotBefore, lastSignInAt);
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public UserAccount withPassword(String hash, List<String> history, Instant changedAt, boolean temporary) {
        return new UserAccount(id, pool, username, email, group, organizationId, enabled, hash, history, changedAt,
                temporary, failedSignIns, lockedUntil, mfaEnrolled, totpLastStep, backupCodeHashes, createdAt, version,
                verification, tokensNotBefore, lastSignInAt);
    }

    public UserAccount withFailures(int failures, Instant locked) {
        return new UserAccount(id, pool, username, email, group, organizationId, enabled, passwordHash,
                passwordHistory, passwordChangedAt, passwordTemporary, failures, locked, mfaEnrolled, totpLastStep,
                backupCodeHashes, createdAt, version, verification, tokensNotBefore, lastSignInAt);
    }

    public UserAccount withMfa(boolean enrolled, long lastStep, List<String> backupCodes) {
        return new UserAccount(id, pool, username, email, group, organizationId, enabled, passwordHash,
                passwordHistory, passwordChangedAt, passwordTemporary, failedSignIns, lockedUntil, enrolled, lastStep,
                backupCodes, createdAt, version, verification, tokensNotBefore, lastSignInAt);
    }

    public UserAccount withGroup(Group newGroup) {
        return new UserAccount(id, pool, username, email, newGroup, organizationId, enabled, passwordHash,
                passwordHistory, passwordChangedAt, passwordTemporary, failedSignIns, lockedUntil, mfaEnrolled,
                totpLastStep, backupCodeHashes, createdAt, version, verification, tokensNotBefore, lastSignInAt);
    }

    public UserAccount withEnabled(boolean newEnabled) {
        return new UserAccount(id, pool, username, email, group, organizationId, newEnabled, passwordHash,
                passwordHistory, passwordChangedAt, passwordTemporary, failedSignIns, lockedUntil, mfaEnrolled,
                totpLastStep, backupCodeHashes, createdAt, version, verification, tokensNotBefore, lastSignInAt);
    }

    /** The user who just completed a sign-in at {@code instant}. */
    public UserAccount withLastSignInAt(Instant instant) {
        return new UserAccount(id, pool, username, email, group, organizationId, enabled, passwordHash,
                passwordHistory, passwordChangedAt, passwordTemporary, failedSignIns, lockedUntil, mfaEnrolled,
                totpLastStep, backupCodeHashes, createdAt, version, verification, tokensNotBefore, instant);
    }

    /** The user whose tokens issued before {@code instant} are refused from now on. */
    public UserAccount withTokensRevokedAt(Instant instant) {
        return new UserAccount(id, pool, username, email, group, organizationId, enabled, passwordHash,
                passwordHistory, passwordChangedAt, passwordTemporary, failedSignIns, lockedUntil, mfaEnrolled,
                totpLastStep, backupCodeHashes, createdAt, version, verification, instant, lastSignInAt);
    }

    /**
     * The first second ({@code iat}, whole seconds) whose tokens are still honoured, or null. A
     * revocation (disable, reset) covers the whole second it happened in; a password change only
     * the seconds before it, because the sign-in that set the password gets its token at once.
     */
    public Long tokensValidFromSecond() {
        Long revoked = tokensNotBefore == null ? null
                : tokensNotBefore.getEpochSecond() + (tokensNotBefore.getNano() > 0 ? 1 : 0);
        Long changed = passwordChangedAt == null ? null : passwordChangedAt.getEpochSecond();
        if (revoked == null || changed == null) {
            return revoked == null ? changed : revoked;
        }
        return Math.max(revoked, changed);
    }
}
