package io.lunora.streaming.catalog;

import io.lunora.support.clients.ServiceClients;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CatalogProperties.class)
class CatalogConfiguration {

    @Bean
    CatalogPublisher catalogPublisher(ServiceClients clients, @Value("${lunora.services.viewer-url}") String url,
            CatalogProperties properties) {
        return new ViewerCatalogPublisher(clients.forService("viewer-service", url), properties);
    }
}
