package io.lunora.source;

import io.lunora.model.identity.ServiceScopes;
import io.lunora.support.security.AuthorizationRules;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** The service's own role rules, the same as the gateway's (docs/architecture.md). */
@Configuration(proxyBeanMethods = false)
class SourceRoutes {

    @Bean
    AuthorizationRules sourceRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.PUT, "/api/sources/config").hasRole("ADMINS")
                .requestMatchers(HttpMethod.GET, "/api/sources/config").hasAnyRole("OPERATORS", "ADMINS")
                .requestMatchers("/api/sources/**").denyAll()
                // the inputs with their passphrases: streaming-control's scope only
                .requestMatchers(HttpMethod.GET, "/internal/sources/config", "/internal/sources/organizations")
                        .hasAuthority(ServiceScopes.authority(ServiceScopes.SOURCES_READ))
                .requestMatchers("/internal/**").denyAll();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
