package io.lunora.auth.users.audit;

import java.time.Instant;

/**
 * One administrative action: who ({@code actor*}) did what to whom ({@code target*}), when and from
 * which address. {@code detail} says what changed in words (a role, the invited role), never a secret:
 * a temporary password is only ever mailed to its user.
 */
public record AuditEntry(String id, Instant at, String organizationId, String actorId, String actorUsername,
        AuditAction action, String targetId, String targetUsername, String detail, String address) {
}
