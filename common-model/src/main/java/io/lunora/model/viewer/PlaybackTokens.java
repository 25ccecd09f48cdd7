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
 * <p>Format: {@code v2.<payload>.<signature>}, both parts base64url without padding. The payload
 * is {@code <stream_id>|<tier>|<expires epoch seconds>|<viewer>}; the signature is HMAC-SHA256 of
 * {@code v2.<payload>}. A token is valid for one stream, until it expires, and only while its
 * tier may watch the stream's current access level (so a stream raised to premium stops playing
 * for a token issued to a free viewer).
 *
 * <p>{@code viewer} is the access token {@code sub} of the viewer it was issued to, or empty. A
 * bound token plays only for a request authenticated as that viewer, so a copied URL of a
 * premium stream is worthless to anyone else; an unbound token (public streams, anonymous
 * viewers) plays only while the stream is public. ({@code v1} tokens had no viewer; they are
 * refused as malformed, and players renew them within their short lifetime.)
 */
public final class PlaybackTokens {
    private static final String VERSION = "v2";
    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern STREAM_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** A {@code sub}: printable ASCII but the separator, short enough for the token path segment. */
    private static final Pattern VIEWER = Pattern.compile("[\\x21-\\x7B\\x7D\\x7E]{1,128}");
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

    /**
     * What a token grants.
     *
     * @param viewer the {@code sub} the token is bound to, or {@code null} for an unbound token
     */
    public record Grant(String streamId, ViewerTier tier, Instant expiresAt, String viewer) {
        /** An unbound grant: public streams and anonymous viewers. */
        public Grant(String streamId, ViewerTier tier, Instant expiresAt) {
            this(streamId, tier, expiresAt, null);
        }

        public boolean bound() {
            return viewer != null;
        }
    }

    /**
     * Why a token was refused, or {@code VALID}. {@code NOT_BOUND}: an unbound token for a stream
     * that is no longer public; {@code VIEWER_REQUIRED}: a bound token without an authenticated
     * viewer; {@code WRONG_VIEWER}: a bound token presented by someone else.
     */
    public enum Outcome {
        VALID, MALFORMED, BAD_SIGNATURE, EXPIRED, WRONG_STREAM, TIER_TOO_LOW, NOT_BOUND, VIEWER_REQUIRED, WRONG_VIEWER
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
        if (grant.bound() && !VIEWER.matcher(grant.viewer()).matches()) {
            throw new IllegalArgumentException("viewer must match " + VIEWER.pattern());
        }
        String payload = grant.streamId() + "|" + grant.tier().wireValue() + "|" + grant.expiresAt().getEpochSecond()
                + "|" + (grant.bound() ? grant.viewer() : "");
        String signed = VERSION + "." + ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return signed + "." + ENCODER.encodeToString(sign(signed));
    }

    /**
     * Checks a token presented for {@code streamId}, whose access level is now {@code required}, by
     * {@code viewer} (the {@code sub} of the request's authenticated access token, or {@code null}).
     * The signature is checked before anything in the payload is trusted.
     */
    public Verification verify(String token, String streamId, AccessLevel required, String viewer, Instant now) {
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
        if (!g.bound()) {
            return new Verification(required == AccessLevel.PUBLIC ? Outcome.VALID : Outcome.NOT_BOUND, grant);
        }
        if (viewer == null) {
            return new Verification(Outcome.VIEWER_REQUIRED, grant);
        }
        // subjects are not secret: a plain comparison is enough
        return new Verification(viewer.equals(g.viewer()) ? Outcome.VALID : Outcome.WRONG_VIEWER, grant);
    }

    private static Optional<Grant> parse(String payload) {
        String[] fields = payload.split("\\|", -1);
        if (fields.length != 4 || !STREAM_ID.matcher(fields[0]).matches()
                || !(fields[3].isEmpty() || VIEWER.matcher(fields[3]).matches())) {
            return Optional.empty();
        }
        String viewer = fields[3].isEmpty() ? null : fields[3];
        try {
            return ViewerTier.fromWireValue(fields[1])
                    .map(tier -> new Grant(fields[0], tier, Instant.ofEpochSecond(Long.parseLong(fields[2])), viewer));
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
