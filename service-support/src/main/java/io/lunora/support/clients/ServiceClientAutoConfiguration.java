package io.lunora.support.clients;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Service-to-service clients, for services that set {@code lunora.services.token-uri}. Resilience4j
 * is wired by hand (registries, Micrometer binding): its Boot 3 starter is built on Boot 3's
 * actuator packages, which Boot 4 moved.
 */
@AutoConfiguration
@ConditionalOnClass(OAuth2AuthorizedClientManager.class)
@ConditionalOnProperty(prefix = "lunora.services", name = "token-uri")
@EnableConfigurationProperties({ServiceClientProperties.class, ServiceResilienceProperties.class})
public class ServiceClientAutoConfiguration {

    @Bean
    OAuth2AuthorizedClientManager serviceTokenManager(ServiceClientProperties properties) {
        ClientRegistration registration = ClientRegistration.withRegistrationId(ServiceClients.REGISTRATION)
                .clientId(properties.clientId())
                .clientSecret(secret(properties))
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenUri(properties.tokenUri())
                .scope(properties.scopes())
                .build();
        InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(registration);
        AuthorizedClientServiceOAuth2AuthorizedClientManager manager =
                new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations,
                        new InMemoryOAuth2AuthorizedClientService(registrations));
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
        return manager;
    }

    @Bean
    CircuitBreakerRegistry serviceCircuitBreakers() {
        return CircuitBreakerRegistry.ofDefaults();
    }

    @Bean
    RetryRegistry serviceRetries() {
        return RetryRegistry.ofDefaults();
    }

    /** {@code resilience4j_circuitbreaker_*} and {@code resilience4j_retry_*} per downstream service (tag {@code name}). */
    @Bean
    MeterBinder serviceClientMetrics(CircuitBreakerRegistry serviceCircuitBreakers, RetryRegistry serviceRetries) {
        return meters -> {
            TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(serviceCircuitBreakers).bindTo(meters);
            TaggedRetryMetrics.ofRetryRegistry(serviceRetries).bindTo(meters);
        };
    }

    @Bean
    ServiceClients serviceClients(OAuth2AuthorizedClientManager serviceTokenManager, JsonMapper json,
            ServiceResilienceProperties resilience, CircuitBreakerRegistry serviceCircuitBreakers,
            RetryRegistry serviceRetries, Environment environment) {
        return new ServiceClients(serviceTokenManager, json, resilience, serviceCircuitBreakers, serviceRetries,
                new ServiceNames(environment));
    }

    /** The secret from configuration, else from the file auth-service generated it into; read lazily per start. */
    static String secret(ServiceClientProperties properties) {
        if (properties.clientSecret() != null && !properties.clientSecret().isBlank()) {
            return properties.clientSecret();
        }
        if (properties.secretFile() != null && Files.isReadable(Path.of(properties.secretFile()))) {
            try {
                return Files.readString(Path.of(properties.secretFile())).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the service client secret file", e);
            }
        }
        return "";
    }
}
