package io.lunora.support.clients;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds REST clients for service-to-service calls: a client-credentials bearer token (fetched
 * once, cached, renewed before expiry), the application's snake_case JSON, and per downstream
 * service a connect and read timeout, retries of idempotent calls and one circuit breaker
 * ({@link ServiceResilienceProperties}). A failed call throws a {@code RestClientException};
 * {@link DownstreamFailures} says what it means for the caller.
 */
public class ServiceClients {
    private static final Logger log = LoggerFactory.getLogger(ServiceClients.class);
    static final String REGISTRATION = "lunora-service-client";

    /**
     * Request attribute that marks a POST (or PATCH) as safe to repeat, e.g.
     * {@code client.post().attribute(ServiceClients.IDEMPOTENT, true)}; GET, HEAD, PUT and DELETE
     * are retried without it.
     */
    public static final String IDEMPOTENT = ServiceClients.class.getName() + ".idempotent";

    private final OAuth2AuthorizedClientManager tokens;
    private final JsonMapper json;
    private final ServiceResilienceProperties resilience;
    private final CircuitBreakerRegistry breakers;
    private final RetryRegistry retries;
    private final Function<String, String> serviceOfUrl;

    /**
     * Clients with the built-in resilience defaults and registries of their own (no meters), each
     * service named by its host and port: for tests and tools that run without Spring.
     */
    public ServiceClients(OAuth2AuthorizedClientManager tokens, JsonMapper json) {
        this(tokens, json, new ServiceResilienceProperties(null, null), CircuitBreakerRegistry.ofDefaults(),
                RetryRegistry.ofDefaults(), ServiceClients::hostOf);
    }

    /**
     * @param serviceOfUrl names the service at a base URL, for callers that give only the URL
     */
    public ServiceClients(OAuth2AuthorizedClientManager tokens, JsonMapper json, ServiceResilienceProperties resilience,
            CircuitBreakerRegistry breakers, RetryRegistry retries, Function<String, String> serviceOfUrl) {
        this.tokens = tokens;
        this.json = json;
        this.resilience = resilience;
        this.breakers = breakers;
        this.retries = retries;
        this.serviceOfUrl = serviceOfUrl;
    }

    /** A client of {@code service} (its breaker's and metrics' name, e.g. {@code destination-service}). */
    public RestClient forService(String service, String baseUrl) {
        return build(service, baseUrl, null);
    }

    /** As {@link #forService(String, String)}, waiting up to {@code readTimeout} for answers (slow operations). */
    public RestClient forService(String service, String baseUrl, Duration readTimeout) {
        return build(service, baseUrl, readTimeout);
    }

    /** A client of the service at {@code baseUrl}, named after its {@code lunora.services.<name>-url}. */
    public RestClient forService(String baseUrl) {
        return build(serviceOfUrl.apply(baseUrl), baseUrl, null);
    }

    /** As {@link #forService(String)}, waiting up to {@code readTimeout} for answers. */
    public RestClient forService(String baseUrl, Duration readTimeout) {
        return build(serviceOfUrl.apply(baseUrl), baseUrl, readTimeout);
    }

    /**
     * A client for a long-lived stream of the service at {@code baseUrl} (Server-Sent Events): the
     * bearer token and the timeouts, but no retry and no circuit breaker. The stream's reconnect
     * loop has its own backoff, and its refused connects while the service starts must not open
     * the breaker that guards the service's ordinary calls (a session start was refused so).
     */
    public RestClient forStream(String baseUrl, Duration readTimeout) {
        return builder(resilience.of(serviceOfUrl.apply(baseUrl), readTimeout), baseUrl).build();
    }

    private RestClient build(String service, String baseUrl, Duration readTimeout) {
        ServiceResilienceProperties.Policy policy = resilience.of(service, readTimeout);
        // the resilience interceptor goes first (outermost), so that a retry fetches a fresh token
        // too when the old one was refused
        return builder(policy, baseUrl)
                .requestInterceptors(list -> list.addFirst(new ResilientCallInterceptor(service,
                        breaker(service, policy), retry(service, policy))))
                .build();
    }

    private RestClient.Builder builder(ServiceResilienceProperties.Policy policy, String baseUrl) {
        OAuth2ClientHttpRequestInterceptor bearer = new OAuth2ClientHttpRequestInterceptor(tokens);
        bearer.setClientRegistrationIdResolver(request -> REGISTRATION);
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(policy.connectTimeout());
        timeouts.setReadTimeout(policy.readTimeout());
        return RestClient.builder()
                .baseUrl(baseUrl)
                .requestFactory(timeouts)
                .configureMessageConverters(c -> c.withJsonConverter(new JacksonJsonHttpMessageConverter(json)))
                .requestInterceptor(bearer);
    }

    /**
     * One breaker per downstream service, shared by every client of it (the first client's policy
     * sets it up). Its state changes are logged: an operator sees when and why calls are cut off.
     */
    private CircuitBreaker breaker(String service, ServiceResilienceProperties.Policy policy) {
        boolean created = breakers.find(service).isEmpty();
        CircuitBreaker breaker = breakers.circuitBreaker(service, () -> CircuitBreakerConfig.custom()
                .failureRateThreshold(policy.failureRateThreshold())
                .slidingWindowSize(policy.slidingWindowSize())
                .minimumNumberOfCalls(policy.minimumCalls())
                .waitDurationInOpenState(policy.openDuration())
                .permittedNumberOfCallsInHalfOpenState(policy.halfOpenCalls())
                // half-open without waiting for a call: the state metric shows recovery as it happens
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .recordExceptions(IOException.class)
                .build());
        if (created) {
            breaker.getEventPublisher()
                    .onError(e -> log.debug("{}: call failed after {} ms: {}", service, e.getElapsedDuration().toMillis(),
                            e.getThrowable().toString()))
                    .onStateTransition(e -> log.warn("{}: circuit {} (failure rate {} % of the last calls)", service,
                            e.getStateTransition().getToState(), breaker.getMetrics().getFailureRate()));
        }
        return breaker;
    }

    private Retry retry(String service, ServiceResilienceProperties.Policy policy) {
        return retries.retry(service, () -> RetryConfig.custom()
                .maxAttempts(policy.retryAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(policy.retryBackoff(), policy.retryMultiplier()))
                .retryExceptions(IOException.class)
                .build());
    }

    /** The name of a service at a URL that no {@code lunora.services.<name>-url} names: its host and port. */
    public static String hostOf(String baseUrl) {
        URI uri = URI.create(baseUrl);
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }
}
