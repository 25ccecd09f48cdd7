package io.lunora.gateway.ratelimit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    @Bean
    RateLimitFilter rateLimitFilter(RateLimitProperties properties) {
        return new RateLimitFilter(new RateLimiter(properties, System::nanoTime));
    }

    @Bean
    RefusedRequestThrottle refusedRequestThrottle(RateLimitProperties properties) {
        return new RefusedRequestThrottle(properties, System::nanoTime);
    }
}
