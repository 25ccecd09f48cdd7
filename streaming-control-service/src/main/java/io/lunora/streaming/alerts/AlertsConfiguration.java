package io.lunora.streaming.alerts;

import io.lunora.support.net.AddressGuard;
import io.lunora.support.net.GuardedConnector;
import io.lunora.support.security.AuthorizationRules;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import javax.net.ssl.SSLSocketFactory;
import org.springframework.http.HttpMethod;

/** The alert centre's route rules and the guard of its webhooks' addresses. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertProperties.class)
class AlertsConfiguration {

    /** Webhooks and e-mail recipients are the admins'; the alerts themselves are the operators' and admins'. */
    @Bean
    AuthorizationRules alertRules() {
        return rules -> rules.requestMatchers("/api/alerts/webhooks", "/api/alerts/webhooks/**").hasRole("ADMINS")
                .requestMatchers("/api/alerts/recipients", "/api/alerts/recipients/**").hasRole("ADMINS")
                .requestMatchers(HttpMethod.GET, "/api/alerts").hasAnyRole("OPERATORS", "ADMINS")
                .requestMatchers(HttpMethod.POST, "/api/alerts/*/acknowledge").hasAnyRole("OPERATORS", "ADMINS")
                .requestMatchers("/api/alerts/**").denyAll();
    }

    /** The destinations' SSRF guard, with the webhooks' own allow-list. */
    @Bean
    AddressGuard webhookAddressGuard(AlertProperties properties) {
        return new AddressGuard(properties.webhookAllowedPrivateHosts());
    }

    /** Deliveries connect to the address the guard vetted, never to a second lookup's answer. */
    @Bean
    GuardedConnector webhookConnector(AddressGuard webhookAddressGuard, AlertProperties properties) {
        return new GuardedConnector(webhookAddressGuard, properties.webhookTimeout(), properties.webhookTimeout(),
                (SSLSocketFactory) SSLSocketFactory.getDefault());
    }
}
