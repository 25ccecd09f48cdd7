package io.lunora.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.ResponseStatusException;

/**
 * Sets up the breaker and time limiter of each route from {@link RouteResilienceProperties}, with
 * their meters ({@code resilience4j_circuitbreaker_state}, {@code resilience4j_circuitbreaker_calls}…,
 * tag {@code name} = route id). An open
 * breaker answers 503 and a time-out 504, as problem+json ({@code ProblemExceptionHandler}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RouteResilienceProperties.class)
class RouteResilienceConfiguration {
    /** An event stream is open for hours by design: no call is judged slow, only failed. */
    private static final Duration NEVER_SLOW = Duration.ofDays(1);

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> routeBreakers(RouteResilienceProperties properties) {
        return factory -> factory.configureDefault(routeId -> {
            RouteResilienceProperties.Policy policy = properties.of(routeId);
            return new Resilience4JConfigBuilder(routeId)
                    .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(policy.timeout()).build())
                    .circuitBreakerConfig(CircuitBreakerConfig.custom()
                            .failureRateThreshold(policy.failureRateThreshold())
                            .slidingWindowSize(policy.slidingWindowSize())
                            .minimumNumberOfCalls(policy.minimumCalls())
                            .waitDurationInOpenState(policy.openDuration())
                            .permittedNumberOfCallsInHalfOpenState(policy.halfOpenCalls())
                            .automaticTransitionFromOpenToHalfOpenEnabled(true)
                            .slowCallDurationThreshold(NEVER_SLOW)
                            .recordException(RouteResilienceConfiguration::serviceFailure)
                            .build())
                    .build();
        });
    }

    /**
     * The routes' breaker meters; bound here because Spring Cloud CircuitBreaker's own Micrometer
     * binding did not bind on Boot 4 (no resilience4j meter in the scrape without this). A time-out
     * shows as a failed call ({@code kind="failed"}): the reactive breaker times out with Reactor's
     * own operator, which the time limiter's meters never see.
     */
    @Bean
    MeterBinder routeBreakerMetrics(ReactiveResilience4JCircuitBreakerFactory breakers) {
        return meters -> {
            TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers.getCircuitBreakerRegistry()).bindTo(meters);
        };
    }

    /**
     * Only what the service is to blame for counts: unreachable, too slow, a 5xx. A refusal by a
     * route filter (a playback token's 401/403) is the caller's, and must not open anyone's breaker.
     */
    static boolean serviceFailure(Throwable failure) {
        return !(failure instanceof ResponseStatusException refusal) || refusal.getStatusCode().is5xxServerError();
    }
}
