package io.lunora.destination.destinations;

import io.lunora.model.identity.ServiceScopes;
import io.lunora.support.security.AuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** The contract's roles for destinations, enforced here as well as at the gateway. */
@Configuration(proxyBeanMethods = false)
class DestinationRoutes {
    @Bean
    AuthorizationRules destinationRules() {
        return rules -> rules
                // each internal endpoint for its one caller's scope (docs/architecture.md "Internal endpoints"):
                // the stream keys for streaming-control only
                .requestMatchers(HttpMethod.GET, "/internal/destinations/preset-usage/*")
                        .hasAuthority(ServiceScopes.authority(ServiceScopes.DESTINATION_PRESET_USAGE))
                .requestMatchers(HttpMethod.GET, "/internal/destinations/auto-start", "/internal/destinations/*/target")
                        .hasAuthority(ServiceScopes.authority(ServiceScopes.DESTINATION_TARGETS))
                .requestMatchers("/internal/**").denyAll()
                .requestMatchers("/api/destinations", "/api/destinations/**").hasAnyRole("OPERATORS", "ADMINS");
    }
}
