package io.lunora.viewer.subscription;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The marker that replaces a deleted viewer's id in records kept after deletion. */
public final class AnonymisedViewer {
    public static final String PREFIX = "deleted-viewer-";

    private AnonymisedViewer() {
    }

    /** A one-way marker: records of one deleted account stay grouped, the account id is not recoverable from it alone. */
    public static String of(String viewerId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(viewerId.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
