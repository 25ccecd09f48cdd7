package io.lunora.support.secrets;

import java.util.Optional;

/**
 * Where stream keys and SRT passphrases live. Tables keep only the secret's name; the value is
 * read when media is configured and is never returned by an API (see {@link SecretMask}).
 * Local: AES-256-GCM files under the data folder. AWS: SSM Parameter Store SecureString with KMS.
 */
public interface SecretStore {

    /** Stores or replaces the value under {@code name} (an SSM-style path). */
    void put(String name, String value);

    Optional<String> get(String name);

    /** Removes the value; removing a missing secret is not an error. */
    void delete(String name);
}
