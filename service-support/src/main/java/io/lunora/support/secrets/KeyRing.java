package io.lunora.support.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The local store's AES-256 keys, in a folder of their own outside the data folder (a copy or
 * backup of the data holds no key). Each key is {@code <id>.key}, 32 random bytes, mode 0600; the
 * file {@code current} names the key new secrets are sealed with. An id says when its key was made
 * ({@code k<epoch seconds>-<random>}). Several services share the folder: {@code current} is read
 * on every write, so a rotation by one is followed by the others, and changes happen under a file lock.
 */
final class KeyRing {
    private static final Pattern ID = Pattern.compile("k[0-9]{1,19}-[0-9a-f]{8}");
    private static final SecureRandom random = new SecureRandom();
    private static final Object inThisJvm = new Object();

    private final Path folder;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    KeyRing(Path folder) {
        this.folder = folder;
        try {
            Files.createDirectories(folder);
            restrict(folder, "rwx------");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the key folder " + folder, e);
        }
    }

    /** The id of the key new secrets are sealed with; made on first use. */
    String currentId() {
        try {
            return Files.readString(folder.resolve("current"), StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException none) {
            return locked(() -> {
                try {
                    return Files.readString(folder.resolve("current"), StandardCharsets.US_ASCII).strip();
                } catch (NoSuchFileException stillNone) {
                    return makeCurrent(create(null));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the current key id", e);
        }
    }

    /** The key of an id; a missing key is an error naming the id (never the key). */
    byte[] key(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalStateException("a secret names a malformed key id");
        }
        return cache.computeIfAbsent(id, i -> {
            try {
                byte[] key = Files.readAllBytes(folder.resolve(i + ".key"));
                if (key.length != 32) {
                    throw new IllegalStateException("key " + i + " must hold 32 bytes");
                }
                return key;
            } catch (NoSuchFileException e) {
                throw new MissingKeyException("key " + i + " is not in " + folder + " (retired or never here)");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read key " + i, e);
            }
        });
    }

    /** A new key file (from {@code bytes}, or random), not yet current; returns its id. */
    String create(byte[] bytes) {
        byte[] key = bytes == null ? randomBytes(32) : bytes.clone();
        String id = "k" + Instant.now().getEpochSecond() + "-" + HexFormat.of().formatHex(randomBytes(4));
        try {
            Path tmp = Files.createTempFile(folder, "key", ".tmp");
            restrict(tmp, "rw-------");
            Files.write(tmp, key);
            Files.move(tmp, folder.resolve(id + ".key"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a new key", e);
        }
        return id;
    }

    String makeCurrent(String id) {
        try {
            Path tmp = Files.createTempFile(folder, "current", ".tmp");
            Files.writeString(tmp, id, StandardCharsets.US_ASCII);
            Files.move(tmp, folder.resolve("current"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot switch the current key", e);
        }
    }

    /** Deletes a key no secret is sealed with any more: what it sealed can no longer be read. */
    void retire(String id) {
        key(id);
        cache.remove(id);
        try {
            Files.deleteIfExists(folder.resolve(id + ".key"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot retire key " + id, e);
        }
    }

    /** How old the current key is, from its id. */
    Duration currentAge() {
        String id = currentId();
        long made = Long.parseLong(id.substring(1, id.indexOf('-')));
        return Duration.between(Instant.ofEpochSecond(made), Instant.now());
    }

    /** Runs {@code work} holding the folder's lock: one process, one thread at a time changes keys. */
    <T> T locked(Supplier<T> work) {
        if (Thread.holdsLock(inThisJvm)) {
            return work.get(); // already held: a file lock cannot be taken twice by one JVM
        }
        synchronized (inThisJvm) {
            try (FileChannel channel = FileChannel.open(folder.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                return work.get();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock the key folder", e);
            }
        }
    }

    Path folder() {
        return folder;
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    static void restrict(Path path, String permissions) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }

    static boolean isId(String id) {
        return ID.matcher(id).matches();
    }

    /** A secret names a key that is not (or no longer) in the folder. */
    static final class MissingKeyException extends IllegalStateException {
        MissingKeyException(String message) {
            super(message);
        }
    }
}
