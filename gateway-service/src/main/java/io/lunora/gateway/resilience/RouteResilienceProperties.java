package io.lunora.gateway.resilience;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The time limit and circuit breaker of every route (the default filter {@code CircuitBreaker},
 * named after the route): {@code lunora.gateway.resilience.defaults.*} for all routes,
 * {@code lunora.gateway.resilience.routes.<route id>.*} for one; fields left out fall back.
 */
@ConfigurationProperties(prefix = "lunora.gateway.resilience")
public record RouteResilienceProperties(Policy defaults, Map<String, Policy> routes) {
    static final Policy BUILT_IN = new Policy(Duration.ofSeconds(30), 50f, 20, 10, Duration.ofSeconds(10), 3);

    public RouteResilienceProperties {
        defaults = defaults == null ? BUILT_IN : defaults.over(BUILT_IN);
        routes = routes == null ? Map.of() : Map.copyOf(routes);
    }

    Policy of(String routeId) {
        Policy configured = routes.get(routeId);
        return configured == null ? defaults : configured.over(defaults);
    }

    /**
     * @param timeout              the whole exchange, answer body included; over it: 504 (event
     *                             streams have none: {@code spring.cloud.circuitbreaker.resilience4j.disable-time-limiter-map})
     * @param failureRateThreshold percentage of failed calls (unreachable, timed out) that opens the breaker
     * @param slidingWindowSize    how many recent calls the breaker judges
     * @param minimumCalls         calls needed before it judges at all
     * @param openDuration         how long an open breaker answers 503 at once before trial calls
     * @param halfOpenCalls        trial calls that decide between closed and open again
     */
    public record Policy(Duration timeout, Float failureRateThreshold, Integer slidingWindowSize, Integer minimumCalls,
            Duration openDuration, Integer halfOpenCalls) {

        Policy over(Policy base) {
            return new Policy(or(timeout, base.timeout), or(failureRateThreshold, base.failureRateThreshold),
                    or(slidingWindowSize, base.slidingWindowSize), or(minimumCalls, base.minimumCalls),
                    or(openDuration, base.openDuration), or(halfOpenCalls, base.halfOpenCalls));
        }

        private static <T> T or(T value, T fallback) {
            return value == null ? fallback : value;
        }
    }
}
