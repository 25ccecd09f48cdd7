package io.lunora.preset.usage;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How this service calls other services' internal endpoints: a client-credentials token of the
 * {@code lunora-services} client (scope {@code internal}) from the issuer's token endpoint.
 *
 * @param tokenUri              the issuer's token endpoint
 * @param clientId              {@code lunora-services}
 * @param clientSecret          from the environment, never committed
 * @param destinationServiceUrl base URL of the destination service
 */
@ConfigurationProperties(prefix = "lunora.services")
public record ServiceClientProperties(String tokenUri, String clientId, String clientSecret,
        String destinationServiceUrl) {
}
