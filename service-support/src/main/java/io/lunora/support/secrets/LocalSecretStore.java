package io.lunora.support.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets encrypted with AES-256-GCM, one file per secret under {@code <data>/secrets}. The master
 * key is 32 random bytes in {@code <data>/secrets/master.key}, created on first use with mode
 * 0600. The secret's name is the GCM associated data, so a file copied under another name fails
 * to decrypt instead of yielding another destination's key.
 */
public class LocalSecretStore implements SecretStore {
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom random = new SecureRandom();

    private final Path folder;
    private final SecretKeySpec key;

    public LocalSecretStore(Path dataDir) {
        this.folder = dataDir.resolve("secrets");
        try {
            Files.createDirectories(folder);
            restrict(folder, "rwx------");
            this.key = new SecretKeySpec(loadOrCreateMasterKey(folder.resolve("master.key")), "AES");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the local secret store", e);
        }
    }

    @Override
    public void put(String name, String value) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            byte[] file = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, file, 0, IV_BYTES);
            System.arraycopy(sealed, 0, file, IV_BYTES, sealed.length);
            writeAtomically(fileOf(name), file);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    @Override
    public Optional<String> get(String name) {
        Path file = fileOf(name);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
            return Optional.of(new String(plain, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a secret file", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a secret file failed authentication (wrong master key or tampered)");
        }
    }

    @Override
    public void delete(String name) {
        try {
            Files.deleteIfExists(fileOf(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete a secret file", e);
        }
    }

    /** File names are hashes of the secret names: paths never leak into the folder listing. */
    private Path fileOf(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return folder.resolve(HexFormat.of().formatHex(digest) + ".secret");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] loadOrCreateMasterKey(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] fresh = new byte[32];
            random.nextBytes(fresh);
            Path tmp = Files.createTempFile(file.getParent(), "master", ".tmp");
            restrict(tmp, "rw-------");
            Files.write(tmp, fresh);
            try {
                // no replace: if another process created the key first, keep theirs
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException raced) {
                Files.deleteIfExists(tmp);
            }
        }
        byte[] key = Files.readAllBytes(file);
        if (key.length != 32) {
            throw new IllegalStateException("master key file " + file + " must hold 32 bytes");
        }
        return key;
    }

    private void writeAtomically(Path target, byte[] content) {
        try {
            Path tmp = Files.createTempFile(folder, "secret", ".tmp");
            restrict(tmp, "rw-------");
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

    private static void restrict(Path path, String permissions) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }
}
