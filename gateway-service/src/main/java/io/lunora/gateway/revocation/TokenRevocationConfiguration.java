package io.lunora.gateway.revocation;

import io.lunora.gateway.playback.ServiceToken;
import io.netty.channel.ChannelOption;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * The revocation check of the local issuer's tokens; its breaker is named {@code token-revocation}
 * ({@code lunora.gateway.resilience.routes.token-revocation.*}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TokenRevocationProperties.class)
@ConditionalOnProperty(name = "lunora.gateway.token-revocation.enabled", havingValue = "true", matchIfMissing = true)
class TokenRevocationConfiguration {

    @Bean
    TokenRevocations tokenRevocations(TokenRevocationProperties properties, ServiceToken serviceToken,
            ReactiveResilience4JCircuitBreakerFactory breakers) {
        int deadline = (int) properties.timeout().toMillis();
        WebClient http = WebClient.builder().clientConnector(new ReactorClientHttpConnector(HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, deadline).responseTimeout(properties.timeout()))).build();
        return new TokenRevocations(http, serviceToken, properties, breakers.create("token-revocation"));
    }
}
