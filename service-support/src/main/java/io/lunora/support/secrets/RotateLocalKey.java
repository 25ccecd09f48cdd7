package io.lunora.support.secrets;

import java.nio.file.Path;

/**
 * {@code ./lunora rotate-key}: a new local key, every secret re-sealed with it, the old key
 * retired. Safe while the services run: they share the key folder's lock, seal new secrets with
 * whatever key is current, and read a re-sealed file again.
 */
public final class RotateLocalKey {
    private RotateLocalKey() {
    }

    /** @param args the data folder and the key folder */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: RotateLocalKey <data folder> <key folder>");
            System.exit(2);
        }
        String id = new LocalSecretStore(Path.of(args[0]), Path.of(args[1])).rotate();
        System.out.println("secrets re-sealed with key " + id + "; the old key is retired");
    }
}
