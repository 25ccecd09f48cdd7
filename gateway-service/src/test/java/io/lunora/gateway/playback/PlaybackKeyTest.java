package io.lunora.gateway.playback;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.viewer.AccessLevel;
import io.lunora.model.viewer.PlaybackTokens;
import io.lunora.model.viewer.ViewerTier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway reads or creates viewer-service's key file in its format: base64 of 32 bytes, mode 0600. */
class PlaybackKeyTest {

    @TempDir
    Path data;

    @Test
    void shouldCreateTheKeyFileOnceAndVerifyTokensSignedWithIt() throws Exception {
        Path file = data.resolve("viewer/playback-signing.key");

        byte[] created = PlaybackKey.readOrCreate(file);
        byte[] reread = PlaybackKey.readOrCreate(file);

        assertThat(created).hasSize(32).isEqualTo(reread);
        assertThat(Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim())).isEqualTo(created);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.list(file.getParent())).as("no temporary file left").containsExactly(file);
        String token = new PlaybackTokens(created).issue(new PlaybackTokens.Grant("s-1", ViewerTier.FREE,
                Instant.now().plusSeconds(60)));
        assertThat(new PlaybackTokens(reread).verify(token, "s-1", AccessLevel.PUBLIC, null, Instant.now()).valid()).isTrue();
    }

    @Test
    void shouldPreferTheConfiguredSecretAndUseAKeyFileViewerServiceWrote() throws Exception {
        byte[] viewerKey = "viewer-service-wrote-this-32-byte-key!".getBytes(StandardCharsets.US_ASCII);
        Path file = data.resolve("playback-signing.key");
        Files.writeString(file, Base64.getEncoder().encodeToString(viewerKey) + "\n");
        String configured = Base64.getEncoder().encodeToString("configured-secret-of-32-bytes-or-more".getBytes());

        assertThat(PlaybackKey.resolve(new PlaybackProperties(null, file, null, null, null, null, null, null, null)))
                .isEqualTo(viewerKey);
        assertThat(PlaybackKey.resolve(new PlaybackProperties(configured, file, null, null, null, null, null, null, null)))
                .isEqualTo(Base64.getDecoder().decode(configured));
    }
}
