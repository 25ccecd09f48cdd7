package io.lunora.engine.output;

import io.lunora.support.net.AddressGuard;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where the engine may push: public addresses, and the private ones an operator allows. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PublishConfiguration.PublishProperties.class)
class PublishConfiguration {

    @Bean
    PublishGuard publishGuard(PublishProperties properties) {
        return new PublishGuard(new AddressGuard(properties.allowedHosts()));
    }

    /**
     * @param allowedHosts CIDRs the engine may push to although they are loopback or private (a
     *                     private ingest, a test receiver); the same list destination-service uses
     *                     ({@code LUNORA_DESTINATION_ALLOWED_PRIVATE_HOSTS}); empty by default
     */
    @ConfigurationProperties(prefix = "lunora.publish")
    record PublishProperties(List<String> allowedHosts) {
        PublishProperties {
            allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        }
    }
}
