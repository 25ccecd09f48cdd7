package io.lunora.model.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The user groups of the two pools, named as Cognito names them in {@code cognito:groups}.
 * The internal pool holds operators and admins; the consumer pool holds viewers by tier.
 */
public enum Group {
    OPERATORS("operators", Pool.INTERNAL),
    ADMINS("admins", Pool.INTERNAL),
    FREE("free", Pool.CONSUMER),
    PREMIUM("premium", Pool.CONSUMER),
    VIP("vip", Pool.CONSUMER),
    CONSUMER_ADMINS("consumer-admins", Pool.CONSUMER);

    private final String claimValue;
    private final Pool pool;

    Group(String claimValue, Pool pool) {
        this.claimValue = claimValue;
        this.pool = pool;
    }

    /** The value as it appears in the {@code cognito:groups} claim. */
    public String claimValue() {
        return claimValue;
    }

    public Pool pool() {
        return pool;
    }

    /** The Spring Security authority a token in this group is granted. */
    public String authority() {
        return "ROLE_" + name();
    }

    public static Optional<Group> fromClaimValue(String value) {
        return Arrays.stream(values()).filter(g -> g.claimValue.equals(value)).findFirst();
    }
}
