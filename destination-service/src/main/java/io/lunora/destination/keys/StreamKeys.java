package io.lunora.destination.keys;

import io.lunora.support.secrets.SecretMask;
import io.lunora.support.secrets.SecretNames;
import io.lunora.support.secrets.SecretStore;
import java.util.Optional;
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

    /** Moves a key to the name of another platform (a destination changed platform). */
    public StoredKey move(String fromName, String platform, String destinationId) {
        String to = SecretNames.streamKey(platform, destinationId);
        String key = secrets.get(fromName).orElseThrow(() -> new IllegalStateException("stream key missing"));
        if (!to.equals(fromName)) {
            secrets.put(to, key);
            secrets.delete(fromName);
        }
        return new StoredKey(to, SecretMask.mask(key));
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
