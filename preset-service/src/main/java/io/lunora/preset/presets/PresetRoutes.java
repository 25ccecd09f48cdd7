package io.lunora.preset.presets;

import io.lunora.model.identity.ServiceScopes;
import io.lunora.support.security.AuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** The contract's roles for presets, enforced here as well as at the gateway. */
@Configuration(proxyBeanMethods = false)
class PresetRoutes {
    @Bean
    AuthorizationRules presetRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/internal/presets/*").hasAuthority(ServiceScopes.authority(ServiceScopes.PRESETS_READ))
                .requestMatchers("/internal/**").denyAll()
                .requestMatchers(HttpMethod.GET, "/api/presets", "/api/presets/**").hasAnyRole("OPERATORS", "ADMINS")
                .requestMatchers("/api/presets", "/api/presets/**").hasRole("ADMINS");
    }
}
