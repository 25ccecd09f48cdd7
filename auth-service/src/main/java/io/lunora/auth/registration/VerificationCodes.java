package io.lunora.auth.registration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Six-digit mailed codes; only a hash bound to the user id is stored, compared in constant time. */
final class VerificationCodes {
    private static final SecureRandom RANDOM = new SecureRandom();

    private VerificationCodes() {
    }

    static String generate() {
        return "%06d".formatted(RANDOM.nextInt(1_000_000));
    }

    static String hash(String userId, String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((userId + ":" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean matches(String userId, String code, String storedHash) {
        return code != null && storedHash != null && code.strip().matches("\\d{6}") && MessageDigest.isEqual(
                hash(userId, code.strip()).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
