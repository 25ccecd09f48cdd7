package io.lunora.streaming.resolve;

import io.lunora.support.clients.ServiceClients;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The other services this one reads from, at {@code LUNORA_<X>_URL}. */
@Configuration(proxyBeanMethods = false)
class ResolverConfiguration {

    @Bean
    DestinationDirectory destinationDirectory(ServiceClients clients,
            @Value("${lunora.services.destination-url}") String url) {
        return new HttpDestinationDirectory(clients.forService("destination-service", url));
    }

    @Bean
    PresetCatalog presetCatalog(ServiceClients clients, @Value("${lunora.services.preset-url}") String url) {
        return new HttpPresetCatalog(clients.forService("preset-service", url));
    }

    @Bean
    SourceSettings sourceSettings(ServiceClients clients, @Value("${lunora.services.source-url}") String url) {
        return new HttpSourceSettings(clients.forService("source-service", url));
    }
}
