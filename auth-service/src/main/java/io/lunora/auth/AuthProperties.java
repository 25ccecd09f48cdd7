package io.lunora.auth;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the local issuer.
 *
 * @param dataDir              where the signing key, the services client secret and the initial admin
 *                             password are kept (files 0600)
 * @param mfaRequired          TOTP is required in the internal pool (default true)
 * @param adminUsername        the bootstrap admin created when no admin exists
 * @param adminPassword        its password; generated when blank
 * @param servicesClientSecret secret of {@code lunora-services}; generated into the data folder when blank
 */
@ConfigurationProperties(prefix = "lunora.auth")
public record AuthProperties(Path dataDir, boolean mfaRequired,
        String adminUsername, String adminPassword, String servicesClientSecret) {
    public AuthProperties {
        dataDir = dataDir == null ? Path.of("./.lunora/data") : dataDir;
        adminUsername = adminUsername == null || adminUsername.isBlank() ? "admin" : adminUsername;
    }
}
