package io.lunora.support.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretStoreTest {
    static final String KEY = "live-secret-abcd-1234-wxyz";
    static final String NAME = SecretNames.streamKey("youtube", "d-1");

    @TempDir
    Path home;
    Path data;
    Path keys;

    @BeforeEach
    void folders() {
        data = home.resolve("data");
        keys = home.resolve("keys");
    }

    private LocalSecretStore store() {
        return new LocalSecretStore(data, keys);
    }

    @Test
    void shouldRoundTripAndSurviveANewInstance() {
        store().put(NAME, KEY);

        assertThat(store().get(NAME)).contains(KEY);
    }

    @Test
    void shouldCreateTheKeyOwnerOnlyOutsideTheDataFolderAndNeverStorePlaintext() throws Exception {
        LocalSecretStore store = store();
        store.put(NAME, KEY);

        Path key = keys.resolve(store.currentKeyId() + ".key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
        assertThat(Files.size(key)).isEqualTo(32);
        byte[] keyBytes = Files.readAllBytes(key);
        try (Stream<Path> files = Files.walk(data)) {
            assertThat(files.filter(Files::isRegularFile)).isNotEmpty().allSatisfy(f -> {
                assertThat(f.getFileName().toString()).doesNotEndWith(".key");
                assertThat(new String(readAll(f), StandardCharsets.ISO_8859_1)).doesNotContain(new String(keyBytes, StandardCharsets.ISO_8859_1));
            });
        }
        try (Stream<Path> files = Files.walk(data)) {
            files.filter(Files::isRegularFile).forEach(f -> {
                String content = new String(readAll(f), StandardCharsets.ISO_8859_1);
                assertThat(content).doesNotContain(KEY).doesNotContain("youtube");
                assertThat(f.getFileName().toString()).doesNotContain("youtube");
            });
        }
    }

    @Test
    void shouldRefuseACiphertextMovedUnderAnotherName() throws Exception {
        LocalSecretStore store = store();
        store.put(NAME, KEY);
        String other = SecretNames.streamKey("youtube", "d-2");
        store.put(other, "another-key-value-0000");
        try (Stream<Path> files = Files.list(data.resolve("secrets"))) {
            Path[] secrets = files.filter(f -> f.toString().endsWith(".secret")).toArray(Path[]::new);
            Files.copy(secrets[0], secrets[1], java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }

        // one of the two now holds the other's ciphertext: it must fail, not decrypt
        assertThatThrownBy(() -> {
            store.get(NAME);
            store.get(other);
        }).isInstanceOf(IllegalStateException.class).hasMessageNotContaining(KEY);
    }

    @Test
    void shouldDeleteIdempotently() {
        LocalSecretStore store = store();
        store.put(NAME, KEY);

        store.delete(NAME);
        store.delete(NAME);

        assertThat(store.get(NAME)).isEmpty();
    }

    @Test
    void shouldMaskToTheLastFourCharactersOnlyForLongValues() {
        assertThat(SecretMask.mask(KEY)).isEqualTo("****wxyz");
        assertThat(SecretMask.mask("short")).isEqualTo("****");
        assertThat(SecretMask.mask(null)).isNull();
    }

    @Test
    void shouldRefusePathSegmentsThatCouldEscapeTheHierarchy() {
        assertThatThrownBy(() -> SecretNames.streamKey("youtube", "../admin")).isInstanceOf(IllegalArgumentException.class);
        assertThat(SecretNames.sourceSrtConfig("videon-a", "c1-r2")).isEqualTo("/lunora-player/sources/videon-a/srt-config-c1-r2");
    }

    private static byte[] readAll(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
