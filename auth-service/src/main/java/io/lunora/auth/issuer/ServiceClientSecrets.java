package io.lunora.auth.issuer;

import io.lunora.auth.AuthProperties;
import io.lunora.auth.DataFiles;
import io.lunora.model.identity.ServiceClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The secret of each confidential service client: its environment variable when set
 * ({@code LUNORA_GATEWAY_CLIENT_SECRET}, ...), else generated once into its own file of the data
 * folder ({@code gateway-client-secret}, 0600), where the launcher and that service read it. One
 * secret per client: a leaked file opens only that service's scopes.
 */
final class ServiceClientSecrets {
    private ServiceClientSecrets() {
    }

    /** The one shared client's secret of earlier versions: that client is gone, so is its file. */
    static final String RETIRED_FILE = "services-client-secret";

    /** Every service client's secret, as {@code encode} stores it. */
    static Map<ServiceClient, String> resolve(AuthProperties properties, UnaryOperator<String> encode) {
        try {
            Files.deleteIfExists(properties.dataDir().resolve(RETIRED_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the retired " + RETIRED_FILE, e);
        }
        Map<ServiceClient, String> hashes = new EnumMap<>(ServiceClient.class);
        for (ServiceClient client : ServiceClient.values()) {
            hashes.put(client, encode.apply(secretOf(client, properties)));
        }
        return hashes;
    }

    private static String secretOf(ServiceClient client, AuthProperties properties) {
        String configured = properties.serviceClientSecrets().get(client.clientId());
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return DataFiles.readOrCreate(properties.dataDir().resolve(client.secretFileName()), () -> {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        });
    }
}
