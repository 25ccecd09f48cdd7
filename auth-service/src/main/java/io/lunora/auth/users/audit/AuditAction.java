package io.lunora.auth.users.audit;

/** What an admin did to a user, or a platform admin to an organization. */
public enum AuditAction {
    USER_INVITED, ROLE_CHANGED, USER_DISABLED, USER_ENABLED, PASSWORD_RESET, MFA_RESET, ORGANIZATION_CREATED
}
