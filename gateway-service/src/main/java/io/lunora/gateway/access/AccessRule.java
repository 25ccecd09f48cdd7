package io.lunora.gateway.access;

import io.lunora.model.identity.Group;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One line of the route/role table: these paths, with these methods (none listed: any method),
 * are open to these groups ({@code cognito:groups} values) or to {@value #ANONYMOUS}; a caller of
 * those groups must also hold every scope of {@code scopes} (none listed: no scope needed), e.g.
 * {@code platform} for the platform admins' routes.
 */
public record AccessRule(List<String> paths, Set<String> methods, Set<String> allow, Set<String> scopes) {
    public static final String ANONYMOUS = "anonymous";

    public AccessRule {
        if (paths == null || paths.isEmpty()) {
            throw new IllegalArgumentException("an access rule needs at least one path");
        }
        if (allow == null || allow.isEmpty()) {
            throw new IllegalArgumentException("access rule " + paths + " allows nobody");
        }
        for (String who : allow) {
            if (!ANONYMOUS.equals(who) && Group.fromClaimValue(who).isEmpty()) {
                throw new IllegalArgumentException("access rule " + paths + ": unknown group '" + who + "'");
            }
        }
        paths = List.copyOf(paths);
        methods = methods == null ? Set.of()
                : methods.stream().map(m -> m.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        allow = Set.copyOf(allow);
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
        if (!scopes.isEmpty() && allow.contains(ANONYMOUS)) {
            throw new IllegalArgumentException("access rule " + paths + " asks anonymous callers for scopes");
        }
    }

    boolean allowsAnonymous() {
        return allow.contains(ANONYMOUS);
    }

    /** The Spring Security authorities of the allowed groups. */
    Set<String> authorities() {
        return allow.stream().map(Group::fromClaimValue).flatMap(Optional::stream)
                .map(Group::authority).collect(Collectors.toUnmodifiableSet());
    }

    /** The Spring Security authorities of the required scopes (AccessTokenRules: {@code SCOPE_<scope>}). */
    Set<String> scopeAuthorities() {
        return scopes.stream().map(s -> "SCOPE_" + s).collect(Collectors.toUnmodifiableSet());
    }
}
