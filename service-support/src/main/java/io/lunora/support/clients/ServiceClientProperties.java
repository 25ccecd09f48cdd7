package io.lunora.support.clients;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a service calls another service's internal endpoints: with a client-credentials token of
 * the {@code lunora-services} client (scope {@code internal}).
 *
 * @param tokenUri     the issuer's token endpoint
 * @param clientId     {@code lunora-services}
 * @param clientSecret from the environment; when blank, read from {@code secretFile}
 * @param secretFile   the file auth-service writes the generated secret to (local mode)
 * @param scope        the scope to ask for: {@code internal} locally, {@code lunora/internal} with Cognito
 */
@ConfigurationProperties(prefix = "lunora.services")
public record ServiceClientProperties(String tokenUri, String clientId, String clientSecret, String secretFile,
        String scope) {
    public ServiceClientProperties {
        scope = scope == null || scope.isBlank() ? "internal" : scope;
    }
}
