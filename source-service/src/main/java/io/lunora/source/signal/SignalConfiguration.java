package io.lunora.source.signal;

import io.lunora.support.clients.ServiceClients;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The local engine is the signal source unless {@code lunora.mode=aws}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "lunora.mode", havingValue = "local", matchIfMissing = true)
class SignalConfiguration {

    @Bean
    SourceSignal engineSourceSignal(ServiceClients clients, @Value("${lunora.services.engine-url}") String url) {
        return new EngineSourceSignal(clients.forService(url));
    }
}
