package io.lunora.support.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secrets encrypted with AES-256-GCM, one file per secret under {@code <data>/secrets}, named by
 * the SHA-256 of the secret's name. The keys live apart, in a {@link KeyRing} folder outside the
 * data folder. A file records the id of the key that sealed it:
 * {@code [format][id length][id][12-byte IV][ciphertext+tag]}. In format 2 the GCM associated data
 * is the file's own name and the key id, so a file copied under another name fails to decrypt
 * instead of yielding another destination's key, and {@link #rotate()} can re-seal every file
 * without knowing the names. Format 1 is a file from before key ids (the secret's name was the
 * associated data): it stays readable with the imported old key and is re-sealed when next read.
 */
public class LocalSecretStore implements SecretStore {
    private static final Logger log = LoggerFactory.getLogger(LocalSecretStore.class);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte NAMED_BY_SECRET = 1;
    private static final byte NAMED_BY_FILE = 2;
    private static final String SEALED = ".secret";
    private static final SecureRandom random = new SecureRandom();

    private final Path folder;
    private final KeyRing keys;

    /**
     * @param dataDir the data folder; secrets go to its {@code secrets} folder
     * @param keyDir  the key folder; must not be inside the data folder
     */
    public LocalSecretStore(Path dataDir, Path keyDir) {
        Path data = dataDir.toAbsolutePath().normalize();
        Path keyFolder = keyDir.toAbsolutePath().normalize();
        if (keyFolder.startsWith(data)) {
            throw new IllegalStateException("the key folder " + keyFolder + " must be outside the data folder " + data
                    + " (lunora.secrets.key-dir, LUNORA_KEY_DIR)");
        }
        this.folder = data.resolve("secrets");
        try {
            Files.createDirectories(folder);
            KeyRing.restrict(folder, "rwx------");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the local secret store", e);
        }
        this.keys = new KeyRing(keyFolder);
        keys.locked(() -> {
            migrateMasterKey();
            return null;
        });
    }

    @Override
    public void put(String name, String value) {
        Path file = fileOf(name);
        // under the lock: a rotation must not retire the key between reading its id and writing
        keys.locked(() -> {
            writeAtomically(file, seal(stem(file), keys.currentId(), value.getBytes(StandardCharsets.UTF_8)));
            return null;
        });
    }

    @Override
    public Optional<String> get(String name) {
        try {
            return read(name);
        } catch (KeyRing.MissingKeyException retiredWhileRead) {
            return read(name); // a rotation re-sealed the file and retired its key meanwhile: read it again
        }
    }

    private Optional<String> read(String name) {
        Path file = fileOf(name);
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            byte[] content = Files.readAllBytes(file);
            Sealed sealed = Sealed.parse(content);
            byte[] plain = open(sealed, sealed.format() == NAMED_BY_SECRET ? name : stem(file));
            if (sealed.format() == NAMED_BY_SECRET) {
                resealUnchanged(file, content, plain);
            }
            return Optional.of(new String(plain, StandardCharsets.UTF_8));
        } catch (NoSuchFileException deletedMeanwhile) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a secret file", e);
        }
    }

    /** The old format, once read, is sealed the current way, unless the file was replaced or deleted meanwhile. */
    private void resealUnchanged(Path file, byte[] content, byte[] plain) {
        keys.locked(() -> {
            try {
                if (Arrays.equals(Files.readAllBytes(file), content)) {
                    writeAtomically(file, seal(stem(file), keys.currentId(), plain));
                }
            } catch (NoSuchFileException deletedMeanwhile) {
                // nothing to re-seal
            } catch (IOException e) {
                throw new UncheckedIOException("cannot re-seal a secret file", e);
            }
            return null;
        });
    }

    @Override
    public void delete(String name) {
        keys.locked(() -> { // not between a re-seal's check and its write
            try {
                return Files.deleteIfExists(fileOf(name));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete a secret file", e);
            }
        });
    }

    /**
     * A new current key; every secret is re-sealed with it and the keys no secret needs any more are
     * deleted. Secrets stay readable throughout: a file holds the id of its key, and an old key goes
     * only after no file names it. A secret still in format 1 keeps its old key until it is read.
     *
     * @return the new key's id
     */
    public String rotate() {
        return keys.locked(() -> {
            String fresh = keys.makeCurrent(keys.create(null));
            List<Path> files = sealedFiles();
            Set<String> stillNeeded = new HashSet<>();
            for (Path file : files) {
                try {
                    Sealed sealed = Sealed.parse(Files.readAllBytes(file));
                    if (sealed.format() == NAMED_BY_SECRET) {
                        stillNeeded.add(sealed.keyId());
                    } else if (!sealed.keyId().equals(fresh)) {
                        writeAtomically(file, seal(stem(file), fresh, open(sealed, stem(file))));
                    }
                } catch (NoSuchFileException deletedMeanwhile) {
                    // nothing to re-seal
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot re-seal a secret file", e);
                }
            }
            retireAllBut(fresh, stillNeeded);
            log.info("secret key rotated: {} secrets now sealed with key {}{}", files.size(), fresh,
                    stillNeeded.isEmpty() ? "" : "; old-format secrets keep keys " + stillNeeded + " until next read");
            return fresh;
        });
    }

    /** Rotates when the current key is older than {@code maxAge} (several services may ask: one rotates). */
    public void rotateIfOlderThan(Duration maxAge) {
        if (keys.currentAge().compareTo(maxAge) > 0) {
            keys.locked(() -> keys.currentAge().compareTo(maxAge) > 0 ? rotate() : null);
        }
    }

    /** The id of the key new secrets are sealed with. */
    public String currentKeyId() {
        return keys.currentId();
    }

    /**
     * An installation from before the key folder kept {@code master.key} beside the ciphertexts: the
     * key moves into the key folder (it becomes the current key when there is none), each old file
     * is wrapped in place (atomically) as format 1 naming it, and the old key file is deleted last,
     * so a crash half-way repeats the step on the next start for the files not wrapped yet.
     */
    private void migrateMasterKey() {
        Path master = folder.resolve("master.key");
        if (!Files.exists(master)) {
            return;
        }
        try {
            byte[] key = Files.readAllBytes(master);
            if (key.length != 32) {
                throw new IllegalStateException("master key file " + master + " must hold 32 bytes");
            }
            String id = keys.create(key);
            if (!Files.exists(keys.folder().resolve("current"))) {
                keys.makeCurrent(id);
            }
            for (Path file : sealedFiles()) {
                byte[] content = Files.readAllBytes(file);
                if (!Sealed.hasHeader(content)) {
                    writeAtomically(file, header(NAMED_BY_SECRET, id, content));
                }
            }
            Files.delete(master);
            log.info("the local secret key moved from the data folder to {} as key {}", keys.folder(), id);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot migrate the old master key", e);
        }
    }

    private void retireAllBut(String current, Set<String> stillNeeded) {
        try (Stream<Path> all = Files.list(keys.folder())) {
            all.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".key"))
                    .map(n -> n.substring(0, n.length() - 4)).filter(KeyRing::isId)
                    .filter(id -> !id.equals(current) && !stillNeeded.contains(id)).forEach(keys::retire);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the key folder", e);
        }
    }

    private List<Path> sealedFiles() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SEALED)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the secrets", e);
        }
    }

    private byte[] seal(String stem, String keyId, byte[] plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys.key(keyId), "AES"), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData(stem, keyId));
            byte[] sealed = cipher.doFinal(plain);
            return header(NAMED_BY_FILE, keyId, ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    /** @param boundTo the secret's name (format 1) or the file's stem (format 2) */
    private byte[] open(Sealed sealed, String boundTo) {
        byte[] key = keys.key(sealed.keyId());
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(TAG_BITS, sealed.body(), 0, IV_BYTES));
            cipher.updateAAD(sealed.format() == NAMED_BY_SECRET ? boundTo.getBytes(StandardCharsets.UTF_8)
                    : associatedData(boundTo, sealed.keyId()));
            return cipher.doFinal(sealed.body(), IV_BYTES, sealed.body().length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a secret file failed authentication (wrong key, or moved or tampered)");
        }
    }

    private static byte[] associatedData(String stem, String keyId) {
        return (stem + "\0" + keyId).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] header(byte format, String keyId, byte[] body) {
        byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(2 + id.length + body.length).put(format).put((byte) id.length).put(id).put(body).array();
    }

    /** A secret file taken apart; anything malformed fails like a wrong key, naming nothing. */
    private record Sealed(byte format, String keyId, byte[] body) {
        static Sealed parse(byte[] file) {
            if (!hasHeader(file)) {
                throw new IllegalStateException("a secret file failed authentication (not a sealed secret)");
            }
            int idLength = file[1];
            String id = new String(file, 2, idLength, StandardCharsets.US_ASCII);
            byte[] body = Arrays.copyOfRange(file, 2 + idLength, file.length);
            return new Sealed(file[0], id, body);
        }

        /**
         * Whether the file starts with a format and a well-formed key id: a file of the layout before
         * key ids starts with its random IV, which practically never looks like format, length and a
         * 20-character id.
         */
        static boolean hasHeader(byte[] file) {
            if (file.length < 2 || (file[0] != NAMED_BY_SECRET && file[0] != NAMED_BY_FILE) || file[1] <= 0
                    || file.length < 2 + file[1] + IV_BYTES + TAG_BITS / 8) {
                return false;
            }
            return KeyRing.isId(new String(file, 2, file[1], StandardCharsets.US_ASCII));
        }
    }

    /** File names are hashes of the secret names: paths never leak into the folder listing. */
    private Path fileOf(String name) {
        return folder.resolve(hash(name) + SEALED);
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - SEALED.length());
    }

    private static String hash(String name) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void writeAtomically(Path target, byte[] content) {
        try {
            Path tmp = Files.createTempFile(folder, "secret", ".tmp");
            KeyRing.restrict(tmp, "rw-------");
            Files.write(tmp, content);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a secret file", e);
        }
    }
}
