package io.lunora.preset.usage;

import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client-credentials machinery of Spring Security's OAuth2 client, outside any request: the
 * token is fetched on first use, cached and renewed before it expires.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServiceClientProperties.class)
class UsageClientConfiguration {
    static final String REGISTRATION = "lunora-services";

    @Bean
    OAuth2AuthorizedClientManager serviceClientManager(ServiceClientProperties properties) {
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenUri(properties.tokenUri())
                .scope("internal")
                .build();
        InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(registration);
        AuthorizedClientServiceOAuth2AuthorizedClientManager manager =
                new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations,
                        new InMemoryOAuth2AuthorizedClientService(registrations));
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
        return manager;
    }

    @Bean
    PresetUsagePort presetUsagePort(ServiceClientProperties properties, OAuth2AuthorizedClientManager manager,
            JsonMapper json) {
        OAuth2ClientHttpRequestInterceptor tokens = new OAuth2ClientHttpRequestInterceptor(manager);
        tokens.setClientRegistrationIdResolver(request -> REGISTRATION);
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(Duration.ofSeconds(2));
        timeouts.setReadTimeout(Duration.ofSeconds(5));
        return new DestinationServiceUsageClient(RestClient.builder()
                .baseUrl(properties.destinationServiceUrl())
                .requestFactory(timeouts)
                // the application's mapper: snake_case like every Lunora API
                .configureMessageConverters(c -> c.withJsonConverter(new JacksonJsonHttpMessageConverter(json)))
                .requestInterceptor(tokens)
                .build());
    }
}
