package io.lunora.model.viewer;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived playback tokens for {@code /hls/**}: viewer-service issues them when a viewing
 * session starts; the gateway or the engine's HLS route verifies them with the same secret.
 *
 * <p>Format: {@code v1.<payload>.<signature>}, both parts base64url without padding. The payload
 * is {@code <stream_id>|<tier>|<expires epoch seconds>}; the signature is HMAC-SHA256 of
 * {@code v1.<payload>}. A token is valid for one stream, until it expires, and only while its
 * tier may watch the stream's current access level (so a stream raised to premium stops playing
 * for a token issued to a free viewer).
 */
public final class PlaybackTokens {
    private static final String VERSION = "v1";
    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern STREAM_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    /** @param secret at least 32 bytes, shared by the issuer and every verifier */
    public PlaybackTokens(byte[] secret) {
        if (secret == null || secret.length < 32) {
            throw new IllegalArgumentException("the playback secret must have at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    /** What a token grants. */
    public record Grant(String streamId, ViewerTier tier, Instant expiresAt) {
    }

    /** Why a token was refused, or {@code VALID}. */
    public enum Outcome {
        VALID, MALFORMED, BAD_SIGNATURE, EXPIRED, WRONG_STREAM, TIER_TOO_LOW
    }

    /** The outcome and, when the token was authentic, what it grants. */
    public record Verification(Outcome outcome, Optional<Grant> grant) {
        public boolean valid() {
            return outcome == Outcome.VALID;
        }
    }

    public String issue(Grant grant) {
        if (!STREAM_ID.matcher(grant.streamId()).matches()) {
            throw new IllegalArgumentException("stream id must match " + STREAM_ID.pattern());
        }
        String payload = grant.streamId() + "|" + grant.tier().wireValue() + "|" + grant.expiresAt().getEpochSecond();
        String signed = VERSION + "." + ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return signed + "." + ENCODER.encodeToString(sign(signed));
    }

    /**
     * Checks a token presented for {@code streamId}, whose access level is now {@code required}.
     * The signature is checked before anything in the payload is trusted.
     */
    public Verification verify(String token, String streamId, AccessLevel required, Instant now) {
        if (token == null) {
            return refused(Outcome.MALFORMED);
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            return refused(Outcome.MALFORMED);
        }
        byte[] presented;
        String payload;
        try {
            presented = DECODER.decode(parts[2]);
            payload = new String(DECODER.decode(parts[1]), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return refused(Outcome.MALFORMED);
        }
        if (!MessageDigest.isEqual(presented, sign(parts[0] + "." + parts[1]))) {
            return refused(Outcome.BAD_SIGNATURE);
        }
        Optional<Grant> grant = parse(payload);
        if (grant.isEmpty()) {
            return refused(Outcome.MALFORMED);
        }
        Grant g = grant.get();
        if (!now.isBefore(g.expiresAt())) {
            return new Verification(Outcome.EXPIRED, grant);
        }
        if (!g.streamId().equals(streamId)) {
            return new Verification(Outcome.WRONG_STREAM, grant);
        }
        if (!g.tier().canWatch(required)) {
            return new Verification(Outcome.TIER_TOO_LOW, grant);
        }
        return new Verification(Outcome.VALID, grant);
    }

    private static Optional<Grant> parse(String payload) {
        String[] fields = payload.split("\\|", -1);
        if (fields.length != 3 || !STREAM_ID.matcher(fields[0]).matches()) {
            return Optional.empty();
        }
        try {
            return ViewerTier.fromWireValue(fields[1])
                    .map(tier -> new Grant(fields[0], tier, Instant.ofEpochSecond(Long.parseLong(fields[2]))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Verification refused(Outcome outcome) {
        return new Verification(outcome, Optional.empty());
    }

    private byte[] sign(String data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
