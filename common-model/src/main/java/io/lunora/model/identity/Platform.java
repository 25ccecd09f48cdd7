package io.lunora.model.identity;

/**
 * Who administers the platform: the admins of its own organization, {@value #ORGANIZATION} (the
 * bootstrap admin's). Their access tokens carry the scope {@value #SCOPE}, which the gateway's route
 * and auth-service's API chain both require for {@code /api/organizations}; viewer-service lets them
 * (and consumer admins) administer the viewer side across organizations. The rule is one of
 * group and organization, so it reads the same for a local user and a Cognito one (the
 * pre-token-generation trigger adds {@code lunora/platform} by the same rule).
 */
public final class Platform {
    /** The organization the platform's own admins belong to; created with the bootstrap admin. */
    public static final String ORGANIZATION = "default";
    public static final String SCOPE = "platform";

    private Platform() {
    }

    public static boolean isAdmin(Pool pool, Group group, String organization) {
        return pool == Pool.INTERNAL && group == Group.ADMINS && ORGANIZATION.equals(organization);
    }
}
