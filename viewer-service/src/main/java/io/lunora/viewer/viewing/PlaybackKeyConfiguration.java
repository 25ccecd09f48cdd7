package io.lunora.viewer.viewing;

import io.lunora.model.viewer.PlaybackTokens;
import io.lunora.viewer.ViewerProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HMAC key of playback tokens: {@code lunora.viewer.playback-secret} (base64) when set, e.g.
 * from the secret store in AWS; otherwise {@code viewer/playback-signing.key} under the data folder,
 * created with 32 random bytes (mode 0600) on first start. The gateway or the engine's HLS route
 * reads the same key to verify tokens.
 */
@Configuration(proxyBeanMethods = false)
class PlaybackKeyConfiguration {
    static final String KEY_FILE = "viewer/playback-signing.key";

    @Bean
    PlaybackTokens playbackTokens(ViewerProperties properties) {
        String configured = properties.playbackSecret();
        byte[] secret = configured != null && !configured.isBlank()
                ? Base64.getDecoder().decode(configured.trim())
                : keyFile(Path.of(properties.dataDir()).resolve(KEY_FILE));
        return new PlaybackTokens(secret);
    }

    static byte[] keyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, Base64.getEncoder().encodeToString(fresh), StandardCharsets.US_ASCII);
                } catch (FileAlreadyExistsException raced) {
                    // another process created it first: use theirs
                }
            }
            return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the playback signing key", e);
        }
    }
}
