package io.lunora.gateway.playback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The playback tokens' HMAC key, the same one viewer-service signs with: {@code LUNORA_PLAYBACK_SECRET}
 * (base64) when set, else viewer-service's key file. Whichever process starts first creates the
 * file (32 random bytes, base64, mode 0600); the file appears complete or not at all (written
 * aside, then hard-linked into place), so the other never reads a half-written key.
 */
final class PlaybackKey {
    private PlaybackKey() {
    }

    static byte[] resolve(PlaybackProperties properties) {
        if (properties.secret() != null && !properties.secret().isBlank()) {
            return Base64.getDecoder().decode(properties.secret().trim());
        }
        return readOrCreate(properties.keyFile());
    }

    static byte[] readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                Path dir = file.toAbsolutePath().getParent();
                Files.createDirectories(dir);
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Path aside = Files.createTempFile(dir, ".playback", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                try {
                    Files.writeString(aside, Base64.getEncoder().encodeToString(fresh), StandardCharsets.US_ASCII);
                    Files.createLink(file, aside);
                } catch (FileAlreadyExistsException raced) {
                    // viewer-service (or another gateway) created it first: use theirs
                } finally {
                    Files.deleteIfExists(aside);
                }
            }
            return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the playback signing key " + file, e);
        }
    }
}
