package io.lunora.support.security;

import io.lunora.model.identity.Group;
import io.lunora.model.identity.LunoraClaims;
import io.lunora.model.identity.Platform;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, read once from the validated access token. Controllers take it as a parameter;
 * every store query is scoped by {@link #organizationId()}.
 */
public record Caller(String userId, String username, String organizationId, Set<Group> groups, String clientId) {

    public static Caller from(Jwt jwt) {
        Set<Group> groups = EnumSet.noneOf(Group.class);
        List<String> claimGroups = jwt.getClaimAsStringList(LunoraClaims.GROUPS);
        if (claimGroups != null) {
            claimGroups.stream().map(Group::fromClaimValue).flatMap(Optional::stream).forEach(groups::add);
        }
        return new Caller(jwt.getSubject(), jwt.getClaimAsString(LunoraClaims.USERNAME),
                jwt.getClaimAsString(LunoraClaims.ORGANIZATION), Set.copyOf(groups),
                jwt.getClaimAsString(LunoraClaims.CLIENT_ID));
    }

    public boolean isIn(Group group) {
        return groups.contains(group);
    }

    /**
     * Whether this caller may see and act on an item of its organization owned by {@code ownerId}
     * (the {@code sub} of the token that created it): admins on all, anyone else only on their own.
     * An item without an owner (made before owners were recorded) is the admins'.
     */
    public boolean mayAccess(String ownerId) {
        return isIn(Group.ADMINS) || (ownerId != null && ownerId.equals(userId));
    }

    /**
     * Whether any of this caller's groups makes it a platform admin by {@link Platform#isAdmin}, the
     * rule auth-service issues the {@value Platform#SCOPE} scope by: administers every organization.
     */
    public boolean administersPlatform() {
        return groups.stream().anyMatch(group -> Platform.isAdmin(group.pool(), group, organizationId));
    }

    /** The organization to scope data by; a user token without one is refused before this is read. */
    public String requireOrganization() {
        if (organizationId == null || organizationId.isBlank()) {
            throw new org.springframework.security.access.AccessDeniedException("token has no organization");
        }
        return organizationId;
    }
}
