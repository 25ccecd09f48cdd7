package io.lunora.support.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local store's keys: kept apart from the data, rotated without losing a secret, migrated from the old layout. */
class LocalSecretKeyRotationTest {
    @TempDir
    Path home;
    Path data;
    Path keys;

    @BeforeEach
    void folders() {
        data = home.resolve("data");
        keys = home.resolve("keys");
    }

    @Test
    void shouldRefuseAKeyFolderInsideTheDataFolder() {
        assertThatThrownBy(() -> new LocalSecretStore(data, data.resolve("secrets/keys")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("outside the data folder");
        assertThatThrownBy(() -> new LocalSecretStore(data, data))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldResealEverySecretWithTheNewKeyAndRetireTheOldOne() throws Exception {
        LocalSecretStore store = new LocalSecretStore(data, keys);
        List<String> names = IntStream.range(0, 5).mapToObj(i -> SecretNames.streamKey("twitch", "d-" + i)).toList();
        names.forEach(n -> store.put(n, "value-of-" + n));
        String old = store.currentKeyId();

        String fresh = store.rotate();

        assertThat(fresh).isNotEqualTo(old).isEqualTo(store.currentKeyId());
        assertThat(keys.resolve(old + ".key")).doesNotExist();
        assertThat(keys.resolve(fresh + ".key")).exists();
        LocalSecretStore restarted = new LocalSecretStore(data, keys);
        names.forEach(n -> assertThat(restarted.get(n)).contains("value-of-" + n));
        try (Stream<Path> files = Files.list(data.resolve("secrets"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".secret"))).hasSize(5).allSatisfy(f -> {
                String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertThat(content).contains(fresh).doesNotContain(old);
            });
        }
    }

    @Test
    void shouldKeepEverySecretReadableWhileAnotherProcessRotates() throws Exception {
        LocalSecretStore rotating = new LocalSecretStore(data, keys);
        LocalSecretStore reading = new LocalSecretStore(data, keys); // another service on the same folders
        List<String> names = IntStream.range(0, 300).mapToObj(i -> SecretNames.streamKey("youtube", "d-" + i)).toList();
        names.forEach(n -> rotating.put(n, "value-of-" + n));
        String old = rotating.currentKeyId();
        AtomicBoolean rotated = new AtomicBoolean();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        AtomicInteger reads = new AtomicInteger();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            while (!rotated.get()) {
                for (String n : names) {
                    try {
                        assertThat(reading.get(n)).contains("value-of-" + n);
                        reads.incrementAndGet();
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                }
            }
        });
        String written = SecretNames.streamKey("youtube", "written-during-rotation");
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> reading.put(written, "late-value-0001"));

        rotating.rotate();
        rotated.set(true);
        reader.get(60, TimeUnit.SECONDS);
        writer.get(60, TimeUnit.SECONDS);

        assertThat(failures).isEmpty();
        assertThat(reads.get()).isGreaterThanOrEqualTo(names.size());
        assertThat(keys.resolve(old + ".key")).doesNotExist();
        LocalSecretStore restarted = new LocalSecretStore(data, keys);
        names.forEach(n -> assertThat(restarted.get(n)).contains("value-of-" + n));
        assertThat(restarted.get(written)).contains("late-value-0001");
    }

    @Test
    void shouldStillRefuseACiphertextCopiedUnderAnotherNameAfterRotation() throws Exception {
        LocalSecretStore store = new LocalSecretStore(data, keys);
        String mine = SecretNames.streamKey("youtube", "mine");
        String theirs = SecretNames.streamKey("youtube", "theirs");
        store.put(mine, "my-key-0000-aaaa");
        store.put(theirs, "their-key-1111-bbbb");
        store.rotate();

        Files.copy(fileOf(theirs), fileOf(mine), StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> store.get(mine)).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("their-key");
        assertThat(store.get(theirs)).contains("their-key-1111-bbbb");
    }

    @Test
    void shouldRotateAtStartOnlyWhenTheKeyIsOlderThanAllowed() {
        LocalSecretStore store = new LocalSecretStore(data, keys);
        String first = store.currentKeyId();

        store.rotateIfOlderThan(Duration.ofDays(90));
        assertThat(store.currentKeyId()).isEqualTo(first);

        store.rotateIfOlderThan(Duration.ofSeconds(-1));
        assertThat(store.currentKeyId()).isNotEqualTo(first);
    }

    @Test
    void shouldMoveTheOldMasterKeyOutOfTheDataFolderWithoutLosingASecret() throws Exception {
        // the layout before key ids: <data>/secrets/master.key beside files sealed with the name as associated data
        Path secrets = Files.createDirectories(data.resolve("secrets"));
        byte[] master = new byte[32];
        new SecureRandom().nextBytes(master);
        Files.write(secrets.resolve("master.key"), master);
        String readSoon = SecretNames.streamKey("youtube", "old-1");
        String readLater = SecretNames.streamKey("twitch", "old-2");
        Files.write(secrets.resolve(hash(readSoon) + ".secret"), sealTheOldWay(master, readSoon, "old-value-1111"));
        Files.write(secrets.resolve(hash(readLater) + ".secret"), sealTheOldWay(master, readLater, "old-value-2222"));

        LocalSecretStore store = new LocalSecretStore(data, keys);

        assertThat(secrets.resolve("master.key")).doesNotExist();
        try (Stream<Path> files = Files.walk(data)) {
            assertThat(files.filter(Files::isRegularFile)).allSatisfy(f -> assertThat(new String(readAll(f), StandardCharsets.ISO_8859_1))
                    .doesNotContain(new String(master, StandardCharsets.ISO_8859_1)));
        }
        String legacyId = store.currentKeyId();
        assertThat(Files.readAllBytes(keys.resolve(legacyId + ".key"))).isEqualTo(master);
        assertThat(store.get(readSoon)).contains("old-value-1111");

        store.rotate(); // one secret is still in the old format: its key stays until it is read
        assertThat(keys.resolve(legacyId + ".key")).exists();
        assertThat(new LocalSecretStore(data, keys).get(readLater)).contains("old-value-2222");
        store.rotate();

        assertThat(keys.resolve(legacyId + ".key")).doesNotExist();
        LocalSecretStore restarted = new LocalSecretStore(data, keys);
        assertThat(restarted.get(readSoon)).contains("old-value-1111");
        assertThat(restarted.get(readLater)).contains("old-value-2222");
    }

    @Test
    void shouldFinishAMigrationThatStoppedHalfWay() throws Exception {
        Path secrets = Files.createDirectories(data.resolve("secrets"));
        byte[] master = new byte[32];
        new SecureRandom().nextBytes(master);
        Files.write(secrets.resolve("master.key"), master);
        String first = SecretNames.streamKey("youtube", "old-1");
        Files.write(secrets.resolve(hash(first) + ".secret"), sealTheOldWay(master, first, "old-value-1111"));
        new LocalSecretStore(data, keys);
        // as if the first start had stopped before deleting master.key, with a file it had not wrapped yet
        Files.write(secrets.resolve("master.key"), master);
        String second = SecretNames.streamKey("youtube", "old-2");
        Files.write(secrets.resolve(hash(second) + ".secret"), sealTheOldWay(master, second, "old-value-2222"));

        LocalSecretStore store = new LocalSecretStore(data, keys);

        assertThat(secrets.resolve("master.key")).doesNotExist();
        assertThat(store.get(first)).contains("old-value-1111");
        assertThat(store.get(second)).contains("old-value-2222");
        store.rotate();
        try (Stream<Path> files = Files.list(keys)) {
            assertThat(files.filter(f -> f.toString().endsWith(".key"))).hasSize(1);
        }
    }

    private Path fileOf(String name) throws Exception {
        return data.resolve("secrets").resolve(hash(name) + ".secret");
    }

    private static String hash(String name) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] sealTheOldWay(byte[] key, String name, String value) throws Exception {
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
        byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
    }

    private static byte[] readAll(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
