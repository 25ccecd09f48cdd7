package io.lunora.destination.connectivity;

import io.lunora.support.net.AddressGuard;
import io.lunora.support.net.GuardedConnector;
import javax.net.ssl.SSLSocketFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConnectivityProperties.class)
class ConnectivityConfiguration {
    /** One policy for saving a destination and for testing it: the same admin allow-list. */
    @Bean
    AddressGuard addressGuard(ConnectivityProperties properties) {
        return new AddressGuard(properties.allowedPrivateHosts());
    }

    @Bean
    RtmpProbe rtmpProbe(AddressGuard guard, ConnectivityProperties properties) {
        return new RtmpProbe(new GuardedConnector(guard, properties.connectTimeout(), properties.readTimeout(),
                (SSLSocketFactory) SSLSocketFactory.getDefault()));
    }
}
