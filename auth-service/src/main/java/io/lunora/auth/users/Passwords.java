package io.lunora.auth.users;

import io.lunora.support.problem.InvalidFieldException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import io.lunora.model.identity.Pool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Hashing, policy and history of user passwords. Raw passwords are never stored or logged. */
@Component
public class Passwords {
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SPECIAL = "!#%+-=?@_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PasswordEncoder encoder;
    private final Clock clock;
    private final String dummyHash;
    private final PasswordPolicy internal;

    /** With the specification's internal policy (12 passwords of history, 90 days). */
    Passwords(PasswordEncoder encoder, Clock clock) {
        this(encoder, clock, PasswordPolicy.INTERNAL.history(), PasswordPolicy.INTERNAL.maxAge().orElseThrow());
    }

    /**
     * @param history the internal pool's passwords that may not be reused, the current one included
     * @param maxAge  the internal pool's password age after which sign-in asks for a new one; zero: never
     */
    @Autowired
    Passwords(PasswordEncoder encoder, Clock clock, @Value("${lunora.auth.password-history:12}") int history,
            @Value("${lunora.auth.password-max-age:90d}") Duration maxAge) {
        if (history < 1) {
            throw new IllegalArgumentException("lunora.auth.password-history must be at least 1 (the current password)");
        }
        this.encoder = encoder;
        this.clock = clock;
        this.dummyHash = encoder.encode(generate());
        PasswordPolicy spec = PasswordPolicy.INTERNAL;
        this.internal = new PasswordPolicy(spec.minLength(), spec.requireSpecial(), history,
                maxAge.isZero() || maxAge.isNegative() ? Optional.empty() : Optional.of(maxAge));
    }

    /** The policy of a pool as configured. */
    public PasswordPolicy policy(Pool pool) {
        return pool == Pool.INTERNAL ? internal : PasswordPolicy.CONSUMER;
    }

    public boolean matches(String raw, String hash) {
        return raw != null && hash != null && encoder.matches(raw, hash);
    }

    /** A burned hash to compare against when the user does not exist, so timing does not tell. */
    public void spendComparableTime(String raw) {
        encoder.matches(raw == null ? "" : raw, dummyHash);
    }

    /**
     * The user with {@code raw} as the new password, after checking the pool's policy and history.
     *
     * @throws InvalidFieldException on field {@code field} when the password is refused
     */
    public UserAccount change(UserAccount user, String raw, boolean temporary, String field) {
        PasswordPolicy policy = policy(user.pool());
        policy.violation(raw).ifPresent(v -> {
            throw new InvalidFieldException(field, "The password " + v + ".");
        });
        List<String> previous = new ArrayList<>();
        if (user.passwordHash() != null) {
            previous.add(user.passwordHash());
        }
        previous.addAll(user.passwordHistory());
        if (policy.history() > 0 && previous.stream().limit(policy.history()).anyMatch(h -> encoder.matches(raw, h))) {
            throw new InvalidFieldException(field,
                    "The password must differ from your last " + policy.history() + " passwords.");
        }
        if (user.passwordHash() != null && encoder.matches(raw, user.passwordHash())) {
            throw new InvalidFieldException(field, "The new password must differ from the current one.");
        }
        List<String> history = policy.history() == 0 ? List.of()
                : previous.stream().limit(policy.history() - 1L).toList();
        return user.withPassword(encoder.encode(raw), history, clock.instant(), temporary);
    }

    /** The first password of a new user, checked against the pool's policy but without history. */
    public String hashNew(UserAccount user, String raw, String field) {
        policy(user.pool()).violation(raw).ifPresent(v -> {
            throw new InvalidFieldException(field, "The password " + v + ".");
        });
        return encoder.encode(raw);
    }

    public boolean expired(UserAccount user) {
        Instant now = clock.instant();
        return policy(user.pool()).maxAge()
                .map(age -> user.passwordChangedAt() == null || user.passwordChangedAt().plus(age).isBefore(now))
                .orElse(false);
    }

    /** A random password that satisfies both pools' policies: 16 characters of every class. */
    public static String generate() {
        String all = UPPER + LOWER + DIGITS + SPECIAL;
        List<Character> chars = new ArrayList<>();
        for (String set : List.of(UPPER, LOWER, DIGITS, SPECIAL)) {
            chars.add(set.charAt(RANDOM.nextInt(set.length())));
        }
        while (chars.size() < 16) {
            chars.add(all.charAt(RANDOM.nextInt(all.length())));
        }
        java.util.Collections.shuffle(chars, RANDOM);
        StringBuilder b = new StringBuilder();
        chars.forEach(b::append);
        return b.toString();
    }
}
