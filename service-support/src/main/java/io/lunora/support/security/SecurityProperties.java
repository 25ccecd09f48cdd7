package io.lunora.support.security;

import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a service validates access tokens. The same three settings describe the local issuer and a
 * Cognito user pool, so switching between them is configuration only.
 *
 * @param issuer           expected {@code iss} claim
 * @param jwkSetUri        where the signing keys are published
 * @param allowedClientIds client ids whose tokens are accepted; empty accepts any client of the issuer
 */
@ConfigurationProperties(prefix = "lunora.security")
public record SecurityProperties(String issuer, String jwkSetUri, Set<String> allowedClientIds) {
    public SecurityProperties {
        allowedClientIds = allowedClientIds == null ? Set.of() : Set.copyOf(allowedClientIds);
    }
}
