package io.lunora.support.secrets;

import java.util.regex.Pattern;

/** The secret paths of the specification's Parameter Store structure. */
public final class SecretNames {
    private static final Pattern SAFE_SEGMENT = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    private SecretNames() {
    }

    /** {@code /lunora-player/streaming/{platform}/stream-key-{destination-id}} */
    public static String streamKey(String platform, String destinationId) {
        return "/lunora-player/streaming/" + segment(platform) + "/stream-key-" + segment(destinationId);
    }

    /**
     * {@code /lunora-player/streaming/{platform}/stream-key-{destination-id}-{revision}}: a replaced key
     * is a new parameter, so of two racing writes only the one whose row write won is ever referenced
     * (the loser deletes its own parameter), as with the sources' passphrases.
     */
    public static String streamKey(String platform, String destinationId, String revision) {
        return streamKey(platform, destinationId) + "-" + segment(revision);
    }

    /**
     * {@code /lunora-player/sources/{source}/srt-config-{revision}}, source being {@code videon-a} or
     * {@code videon-b}. The revision makes every saved passphrase a new parameter, so a
     * configuration update that fails leaves the previous passphrase in place.
     */
    public static String sourceSrtConfig(String source, String revision) {
        return "/lunora-player/sources/" + segment(source) + "/srt-config-" + segment(revision);
    }

    private static String segment(String value) {
        if (value == null || !SAFE_SEGMENT.matcher(value).matches()) {
            throw new IllegalArgumentException("secret path segment has characters outside [A-Za-z0-9_.-]");
        }
        return value;
    }
}
