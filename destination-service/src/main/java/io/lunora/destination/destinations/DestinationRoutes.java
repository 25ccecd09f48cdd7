package io.lunora.destination.destinations;

import io.lunora.support.security.AuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The contract's roles for destinations, enforced here as well as at the gateway. */
@Configuration(proxyBeanMethods = false)
class DestinationRoutes {
    @Bean
    AuthorizationRules destinationRules() {
        return rules -> rules
                .requestMatchers("/internal/**").hasAuthority("SCOPE_internal")
                .requestMatchers("/api/destinations", "/api/destinations/**").hasAnyRole("OPERATORS", "ADMINS");
    }
}
