package io.lunora.auth;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the local issuer.
 *
 * @param dataDir              where the signing key, the service clients' secrets and the initial admin
 *                             password are kept (files 0600)
 * @param mfaRequired          TOTP is required in the internal pool (default true)
 * @param adminUsername        the bootstrap admin created when no admin exists
 * @param adminPassword        its password; generated when blank
 * @param serviceClientSecrets the secrets of the service clients by client id ({@code lunora-gateway}, ...);
 *                             a blank or absent one is generated into the data folder
 */
@ConfigurationProperties(prefix = "lunora.auth")
public record AuthProperties(Path dataDir, boolean mfaRequired,
        String adminUsername, String adminPassword, Map<String, String> serviceClientSecrets) {
    public AuthProperties {
        dataDir = dataDir == null ? Path.of("./.lunora/data") : dataDir;
        adminUsername = adminUsername == null || adminUsername.isBlank() ? "admin" : adminUsername;
        serviceClientSecrets = serviceClientSecrets == null ? Map.of() : Map.copyOf(serviceClientSecrets);
    }
}
