package io.lunora.auth.users;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The password policy of each pool, as the specification sets it. Internal: 12+ characters with
 * upper case, lower case, digit and special character, the last 12 passwords not reused, expiry
 * after 90 days (history and age configurable: {@link Passwords#policy}). Consumer: 8+ characters
 * with upper case, lower case and digit, no expiry.
 */
public record PasswordPolicy(int minLength, boolean requireSpecial, int history, Optional<Duration> maxAge) {
    /** BCrypt reads at most 72 bytes; longer passwords would silently share a prefix. */
    static final int MAX_LENGTH = 64;

    public static final PasswordPolicy INTERNAL = new PasswordPolicy(12, true, 12, Optional.of(Duration.ofDays(90)));
    public static final PasswordPolicy CONSUMER = new PasswordPolicy(8, false, 0, Optional.empty());

    /** The policy as the password pages state it. */
    public String describe() {
        return "At least " + minLength + " characters with an upper-case letter, a lower-case letter, a digit"
                + (requireSpecial ? " and a special character" : "")
                + (history > 0 ? "; not one of your last " + history + " passwords." : ".");
    }

    /** What the password lacks, as one sentence; empty when it is acceptable. */
    public Optional<String> violation(String password) {
        if (password == null || password.isEmpty()) {
            return Optional.of("must not be empty");
        }
        List<String> missing = new ArrayList<>();
        if (password.length() < minLength) {
            missing.add("at least " + minLength + " characters");
        }
        if (password.chars().noneMatch(Character::isUpperCase)) {
            missing.add("an upper-case letter");
        }
        if (password.chars().noneMatch(Character::isLowerCase)) {
            missing.add("a lower-case letter");
        }
        if (password.chars().noneMatch(Character::isDigit)) {
            missing.add("a digit");
        }
        if (requireSpecial && password.chars().allMatch(Character::isLetterOrDigit)) {
            missing.add("a special character");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        return missing.isEmpty() ? Optional.empty() : Optional.of("must contain " + String.join(", ", missing));
    }
}
