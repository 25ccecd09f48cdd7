package io.lunora.preset.usage;

import io.lunora.support.clients.ServiceClients;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The usage port on the destination service's internal endpoint, through the shared
 * service-to-service client (client-credentials token of its own {@code lunora-preset}, scope
 * {@code destinations.preset-usage} only, cached and
 * renewed by Spring Security's OAuth2 client; token URI from {@code lunora.services.token-uri}).
 */
@Configuration(proxyBeanMethods = false)
class UsageClientConfiguration {
    @Bean
    PresetUsagePort presetUsagePort(ServiceClients clients,
            @Value("${lunora.services.destination-url}") String destinationUrl) {
        return new DestinationServiceUsageClient(clients.forService("destination-service", destinationUrl, Duration.ofSeconds(5)));
    }
}
