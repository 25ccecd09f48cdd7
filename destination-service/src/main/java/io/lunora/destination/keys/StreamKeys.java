package io.lunora.destination.keys;

import io.lunora.support.secrets.SecretMask;
import io.lunora.support.secrets.SecretNames;
import io.lunora.support.secrets.SecretStore;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Stream keys in the secret store under the specification's Parameter Store names
 * ({@code /lunora-player/streaming/{platform}/stream-key-{destination-id}}). Only names and masks
 * leave this class; values only go to the internal target endpoint.
 */
@Component
public class StreamKeys {
    private final SecretStore secrets;

    public StreamKeys(SecretStore secrets) {
        this.secrets = secrets;
    }

    /** Stores the key and returns its reference (the secret's name) with the masked form. */
    public StoredKey store(String platform, String destinationId, String key) {
        String name = SecretNames.streamKey(platform, destinationId);
        secrets.put(name, key);
        return new StoredKey(name, SecretMask.mask(key));
    }

    /**
     * Stores a replacement key under a name of its own (a new revision), leaving the current one in
     * place: the caller references it only once its conditional row write won, and deletes it otherwise.
     */
    public StoredKey storeRevision(String platform, String destinationId, String key) {
        String name = SecretNames.streamKey(platform, destinationId, UUID.randomUUID().toString());
        secrets.put(name, key);
        return new StoredKey(name, SecretMask.mask(key));
    }

    /** Copies a key to a new revision under another platform's name (a destination changed platform). */
    public StoredKey copyRevision(String fromName, String platform, String destinationId) {
        String key = secrets.get(fromName).orElseThrow(() -> new IllegalStateException("stream key missing"));
        return storeRevision(platform, destinationId, key);
    }

    public Optional<String> read(String name) {
        return name == null ? Optional.empty() : secrets.get(name);
    }

    public void delete(String name) {
        if (name != null) {
            secrets.delete(name);
        }
    }

    /** A key as the table keeps it: where it is and how to show it. */
    public record StoredKey(String name, String masked) {
    }
}
