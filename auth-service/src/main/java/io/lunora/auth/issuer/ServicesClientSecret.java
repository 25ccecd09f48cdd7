package io.lunora.auth.issuer;

import io.lunora.auth.AuthProperties;
import io.lunora.auth.DataFiles;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret of the confidential {@code lunora-services} client: {@code LUNORA_SERVICES_CLIENT_SECRET}
 * when set, else generated once into {@code services-client-secret} in the data folder (0600),
 * where the launcher and the other services read it.
 */
final class ServicesClientSecret {
    static final String FILE = "services-client-secret";

    private ServicesClientSecret() {
    }

    static String resolve(AuthProperties properties) {
        if (properties.servicesClientSecret() != null && !properties.servicesClientSecret().isBlank()) {
            return properties.servicesClientSecret();
        }
        return DataFiles.readOrCreate(properties.dataDir().resolve(FILE), () -> {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        });
    }
}
