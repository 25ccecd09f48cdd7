package io.lunora.streaming.costs;

import io.lunora.support.security.AuthorizationRules;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Costs and the budget are the admins' (the specification's "cost management and analytics"). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CostProperties.class)
class CostsConfiguration {

    @Bean
    AuthorizationRules costRules() {
        return rules -> rules.requestMatchers("/api/costs", "/api/costs/budget").hasRole("ADMINS")
                .requestMatchers("/api/costs/**").denyAll();
    }
}
