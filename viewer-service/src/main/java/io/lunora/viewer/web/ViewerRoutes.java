package io.lunora.viewer.web;

import io.lunora.support.security.AuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The service's own route rules (docs/architecture.md), checked again behind the gateway. The
 * catalog is open to anonymous viewers, and so is starting to watch (public streams only), so
 * that the player works without an account. A request with an invalid token is still a 401.
 */
@Configuration(proxyBeanMethods = false)
class ViewerRoutes {
    static final String[] CONSUMERS = {"FREE", "PREMIUM", "VIP", "CONSUMER_ADMINS"};

    @Bean
    AuthorizationRules viewerRouteRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/streams/**").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/viewing/start").permitAll()
                .requestMatchers("/internal/**").hasAuthority("SCOPE_internal")
                .requestMatchers("/api/viewer-admin/**").hasAnyRole("CONSUMER_ADMINS", "ADMINS")
                .requestMatchers("/api/viewers/**", "/api/viewing/**", "/api/social/**", "/api/analytics/**")
                .hasAnyRole(CONSUMERS)
                .requestMatchers("/api/**").denyAll();
    }
}
