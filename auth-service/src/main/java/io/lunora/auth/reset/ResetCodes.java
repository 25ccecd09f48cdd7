package io.lunora.auth.reset;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The pending "forgot password" codes, one per user: eight digits, only a hash bound to the user id
 * kept, valid for {@link #VALID_FOR}, good for one reset and for {@link #MAX_ATTEMPTS} tries. In
 * memory: local mode runs one auth-service, and a restart only means asking for a new code.
 */
final class ResetCodes {
    static final Duration VALID_FOR = Duration.ofMinutes(15);
    static final int MAX_ATTEMPTS = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Pending(String hash, Instant expiresAt, int failedAttempts) {
    }

    private final Cache<String, Pending> pending = Caffeine.newBuilder().expireAfterWrite(VALID_FOR)
            .maximumSize(100_000).build();
    private final Clock clock;

    ResetCodes(Clock clock) {
        this.clock = clock;
    }

    /** A new code for the user; an earlier one stops working. */
    String issue(String userId) {
        String code = "%08d".formatted(RANDOM.nextInt(100_000_000));
        pending.put(userId, new Pending(hash(userId, code), clock.instant().plus(VALID_FOR), 0));
        return code;
    }

    /** True once for the right code in time; a wrong try counts, the last allowed one burns the code. */
    boolean redeem(String userId, String code) {
        Pending current = pending.getIfPresent(userId);
        if (current == null || !clock.instant().isBefore(current.expiresAt())) {
            return false;
        }
        String candidate = code == null ? "" : code.strip();
        boolean matches = candidate.matches("\\d{8}") && MessageDigest.isEqual(
                hash(userId, candidate).getBytes(StandardCharsets.US_ASCII),
                current.hash().getBytes(StandardCharsets.US_ASCII));
        if (matches) {
            pending.invalidate(userId);
            return true;
        }
        if (current.failedAttempts() + 1 >= MAX_ATTEMPTS) {
            pending.invalidate(userId);
        } else {
            pending.put(userId, new Pending(current.hash(), current.expiresAt(), current.failedAttempts() + 1));
        }
        return false;
    }

    private static String hash(String userId, String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((userId + ":" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
