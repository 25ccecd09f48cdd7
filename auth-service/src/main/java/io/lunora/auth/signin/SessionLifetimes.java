package io.lunora.auth.signin;

import io.lunora.model.identity.Group;
import java.time.Duration;

/**
 * How long a sign-in session at the issuer lasts, per group (specification, "Session Limits and
 * Controls"): operators 8 h with 2 h idle timeout, admins 12 h with 4 h. The consumer pool has no
 * limits in the specification; viewers stay signed in for a week, a day without activity ends it.
 */
public record SessionLifetimes(Duration absolute, Duration idle) {

    public static SessionLifetimes of(Group group) {
        return switch (group) {
            case OPERATORS -> new SessionLifetimes(Duration.ofHours(8), Duration.ofHours(2));
            case ADMINS -> new SessionLifetimes(Duration.ofHours(12), Duration.ofHours(4));
            default -> new SessionLifetimes(Duration.ofDays(7), Duration.ofDays(1));
        };
    }
}
