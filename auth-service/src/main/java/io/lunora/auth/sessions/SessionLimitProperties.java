package io.lunora.auth.sessions;

import io.lunora.model.identity.Group;
import java.util.OptionalInt;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The most sign-in sessions a user of a role holds at once (specification, "Session Limits and
 * Controls": operators 2, admins 5); a further sign-in ends the oldest. Viewers have no limit.
 */
@ConfigurationProperties(prefix = "lunora.auth.max-sessions")
public record SessionLimitProperties(Integer operators, Integer admins) {
    public SessionLimitProperties {
        operators = operators == null ? 2 : operators;
        admins = admins == null ? 5 : admins;
        if (operators < 1 || admins < 1) {
            throw new IllegalArgumentException("lunora.auth.max-sessions.* must be at least 1");
        }
    }

    OptionalInt of(Group group) {
        return switch (group) {
            case OPERATORS -> OptionalInt.of(operators);
            case ADMINS -> OptionalInt.of(admins);
            default -> OptionalInt.empty();
        };
    }
}
