package io.lunora.destination.connectivity;

import javax.net.ssl.SSLSocketFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConnectivityProperties.class)
class ConnectivityConfiguration {
    @Bean
    RtmpProbe rtmpProbe(ConnectivityProperties properties) {
        return new RtmpProbe(new AddressGuard(properties.testAllowList()), properties.connectTimeout(),
                properties.readTimeout(), (SSLSocketFactory) SSLSocketFactory.getDefault());
    }
}
