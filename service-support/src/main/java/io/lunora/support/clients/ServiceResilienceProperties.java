package io.lunora.support.clients;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How every service-to-service call is limited, retried and cut off: the defaults below, then
 * {@code lunora.services.resilience.defaults.*} for all downstream services, then
 * {@code lunora.services.resilience.services.<name>.*} for one (names as in
 * {@link ServiceClients#forService(String, String)}, e.g. {@code destination-service}).
 */
@ConfigurationProperties(prefix = "lunora.services.resilience")
public record ServiceResilienceProperties(Policy defaults, Map<String, Policy> services) {

    /** The built-in defaults; every field of a configured policy that is left out falls back to these. */
    static final Policy BUILT_IN = new Policy(Duration.ofSeconds(2), Duration.ofSeconds(10), 3,
            Duration.ofMillis(200), 2.0, 50f, 10, 4, Duration.ofSeconds(10), 2);

    public ServiceResilienceProperties {
        defaults = defaults == null ? BUILT_IN : defaults.over(BUILT_IN);
        services = services == null ? Map.of() : Map.copyOf(services);
    }

    /**
     * The policy of one downstream service.
     *
     * @param readTimeout {@code null} in the result when the caller's own read timeout should hold
     */
    Policy of(String service, Duration callerReadTimeout) {
        Policy configured = services.get(service);
        Policy base = callerReadTimeout == null ? defaults : defaults.withReadTimeout(callerReadTimeout);
        return configured == null ? base : configured.over(base);
    }

    /**
     * @param connectTimeout       how long to wait for a connection
     * @param readTimeout          how long to wait for the answer (callers of slow operations pass their own)
     * @param retryAttempts        attempts of an idempotent call, the first included (1: no retry)
     * @param retryBackoff         the wait before the first retry; each further wait is {@code retryMultiplier} times longer
     * @param retryMultiplier      growth of the wait between retries
     * @param failureRateThreshold percentage of failed calls in the window that opens the breaker
     * @param slidingWindowSize    how many recent calls the breaker judges
     * @param minimumCalls         calls needed in the window before the breaker judges at all
     * @param openDuration         how long an open breaker refuses calls before it lets trial calls through
     * @param halfOpenCalls        trial calls of a half-open breaker; all good closes it, too many failed open it again
     */
    public record Policy(Duration connectTimeout, Duration readTimeout, Integer retryAttempts, Duration retryBackoff,
            Double retryMultiplier, Float failureRateThreshold, Integer slidingWindowSize, Integer minimumCalls,
            Duration openDuration, Integer halfOpenCalls) {

        /** This policy, its missing fields taken from {@code base}. */
        Policy over(Policy base) {
            return new Policy(or(connectTimeout, base.connectTimeout), or(readTimeout, base.readTimeout),
                    or(retryAttempts, base.retryAttempts), or(retryBackoff, base.retryBackoff),
                    or(retryMultiplier, base.retryMultiplier), or(failureRateThreshold, base.failureRateThreshold),
                    or(slidingWindowSize, base.slidingWindowSize), or(minimumCalls, base.minimumCalls),
                    or(openDuration, base.openDuration), or(halfOpenCalls, base.halfOpenCalls));
        }

        Policy withReadTimeout(Duration timeout) {
            return new Policy(connectTimeout, timeout, retryAttempts, retryBackoff, retryMultiplier,
                    failureRateThreshold, slidingWindowSize, minimumCalls, openDuration, halfOpenCalls);
        }

        private static <T> T or(T value, T fallback) {
            return value == null ? fallback : value;
        }
    }
}
