package io.lunora.viewer.web;

import io.lunora.model.identity.ServiceScopes;
import io.lunora.support.security.AuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;

/**
 * The service's own route rules (docs/architecture.md), checked again behind the gateway. The
 * catalog is open to anonymous viewers, and so is starting to watch (public streams only), so
 * that the player works without an account. A request with an invalid token is still a 401. The
 * viewer side is the platform's: its accounts, plans and moderation are administered by consumer
 * admins and the platform's admins, not by the admins of the organizations that stream on it.
 */
@Configuration(proxyBeanMethods = false)
class ViewerRoutes {
    static final String[] CONSUMERS = {"FREE", "PREMIUM", "VIP", "CONSUMER_ADMINS"};

    @Bean
    AuthorizationRules viewerRouteRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/streams/**").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/viewing/start").permitAll()
                // each internal endpoint for its one caller's scope: the gateway's lookup, streaming-control's events
                .requestMatchers(HttpMethod.GET, "/internal/catalog/streams/*/playback").hasAuthority(ServiceScopes.authority(ServiceScopes.CATALOG_PLAYBACK))
                .requestMatchers(HttpMethod.POST, "/internal/catalog/sessions").hasAuthority(ServiceScopes.authority(ServiceScopes.CATALOG_SESSIONS))
                .requestMatchers("/internal/**").denyAll()
                // an organization's admins edit their organization's catalog entries (CatalogAdminController
                // scopes them); the viewers, their plans, moderation and platform figures are the platform's
                .requestMatchers("/api/viewer-admin/catalog", "/api/viewer-admin/catalog/**").hasAnyRole("CONSUMER_ADMINS", "ADMINS")
                .requestMatchers(HttpMethod.GET, "/api/viewer-admin/categories").hasAnyRole("CONSUMER_ADMINS", "ADMINS")
                .requestMatchers("/api/viewer-admin/**").access((authentication, request) ->
                        new AuthorizationDecision(ViewerSideAdmins.administersViewers(authentication.get())))
                .requestMatchers("/api/viewers/**", "/api/viewing/**", "/api/social/**", "/api/analytics/**")
                .hasAnyRole(CONSUMERS)
                .requestMatchers("/api/**").denyAll();
    }
}
