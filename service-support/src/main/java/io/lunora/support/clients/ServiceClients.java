package io.lunora.support.clients;

import java.time.Duration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds REST clients for service-to-service calls: a client-credentials bearer token (fetched
 * once, cached, renewed before expiry), short timeouts, and the application's snake_case JSON.
 */
public class ServiceClients {
    static final String REGISTRATION = "lunora-services";

    private final OAuth2AuthorizedClientManager tokens;
    private final JsonMapper json;

    public ServiceClients(OAuth2AuthorizedClientManager tokens, JsonMapper json) {
        this.tokens = tokens;
        this.json = json;
    }

    public RestClient forService(String baseUrl) {
        return forService(baseUrl, Duration.ofSeconds(10));
    }

    public RestClient forService(String baseUrl, Duration readTimeout) {
        OAuth2ClientHttpRequestInterceptor bearer = new OAuth2ClientHttpRequestInterceptor(tokens);
        bearer.setClientRegistrationIdResolver(request -> REGISTRATION);
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(Duration.ofSeconds(2));
        timeouts.setReadTimeout(readTimeout);
        return RestClient.builder()
                .baseUrl(baseUrl)
                .requestFactory(timeouts)
                .configureMessageConverters(c -> c.withJsonConverter(new JacksonJsonHttpMessageConverter(json)))
                .requestInterceptor(bearer)
                .build();
    }
}
