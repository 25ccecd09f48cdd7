package io.lunora.auth.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {

    @Test
    void shouldKeepTheSameKeyAcrossRestartsInAnOwnerOnlyFile(@TempDir Path dataDir) throws Exception {
        Path file = dataDir.resolve("signing-key.jwk");
        RSAKey first = SigningKey.loadOrCreate(file);
        RSAKey afterRestart = SigningKey.loadOrCreate(file);

        assertThat(afterRestart.getKeyID()).isEqualTo(first.getKeyID());
        assertThat(afterRestart.toRSAPublicKey()).isEqualTo(first.toRSAPublicKey());
        assertThat(afterRestart.isPrivate()).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
