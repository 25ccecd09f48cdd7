package io.lunora.support.security;

import io.lunora.model.identity.ServiceScopes;
import io.lunora.support.problem.ProblemJson;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every servlet service validates access tokens itself (defense in depth behind the gateway):
 * signature by the JWKS of the trusted issuer the token names, issuer, expiry,
 * {@code token_use=access}, allowed clients. Groups become roles. Health and API documents stay
 * open; everything else needs a token.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(JwtDecoder.class)
@EnableConfigurationProperties(SecurityProperties.class)
@EnableMethodSecurity
public class ServiceSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(SecurityProperties properties) {
        return IssuerAuthentication.decoder(properties.trustedIssuers().getFirst(), properties);
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain serviceSecurity(HttpSecurity http, ObjectProvider<AuthorizationRules> rules,
            SecurityProperties properties, JwtDecoder decoder) throws Exception {
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> {
                    // the API description is the public one (internal endpoints are hidden from it); the
                    // gateway reads it to serve the one aggregated document, and services bind loopback
                    a.requestMatchers("/actuator/health", "/actuator/health/**", "/error", "/v3/api-docs",
                            "/v3/api-docs/**").permitAll();
                    // metrics and build info tell an attacker too much: the scraper's client (scope metrics) only
                    a.requestMatchers("/actuator/**").hasAuthority(ServiceScopes.authority(ServiceScopes.METRICS));
                    rules.orderedStream().forEach(r -> r.apply(a));
                    a.anyRequest().authenticated();
                })
                .oauth2ResourceServer(o -> o
                        .authenticationManagerResolver(IssuerAuthentication.resolver(properties, decoder))
                        .authenticationEntryPoint((req, res, ex) -> ProblemJson.write(res, 401, "Unauthorized",
                                "A valid access token is required."))
                        .accessDeniedHandler((req, res, ex) -> ProblemJson.write(res, 403, "Forbidden",
                                "Your role does not allow this action.")))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> ProblemJson.write(res, 401, "Unauthorized",
                                "A valid access token is required."))
                        .accessDeniedHandler((req, res, ex) -> ProblemJson.write(res, 403, "Forbidden",
                                "Your role does not allow this action.")));
        return http.build();
    }

    @Bean
    WebMvcConfigurer callerParameters() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }
}
