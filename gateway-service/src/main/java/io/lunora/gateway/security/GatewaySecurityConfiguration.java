package io.lunora.gateway.security;

import io.lunora.gateway.access.AccessProperties;
import io.lunora.gateway.access.RouteAccessManager;
import io.lunora.gateway.access.RouteTable;
import io.lunora.gateway.access.RouteTableFilter;
import io.lunora.gateway.problem.Problems;
import io.lunora.gateway.revocation.TokenRevocations;
import io.lunora.gateway.web.ProblemCorsFilter;
import io.lunora.gateway.web.WebProperties;
import io.lunora.model.identity.ServiceClient;
import io.lunora.model.identity.ServiceScopes;
import io.lunora.support.security.AccessTokenRules;
import io.lunora.support.security.SecurityProperties;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerReactiveAuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import reactor.core.publisher.Mono;

/**
 * The gateway's one security chain, in this order: security headers, CORS, the route table
 * (404/405), bearer token validation (RS256 by the JWKS of the trusted issuer the token names, plus
 * {@link AccessTokenRules}), the revocation check ({@link RevokedTokenFilter}), then the route's role rule. No sessions, no CSRF (bearer tokens only).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SecurityProperties.class, AccessProperties.class, WebProperties.class})
class GatewaySecurityConfiguration {
    static final String METRICS_CLIENT = ServiceClient.METRICS.clientId();

    /**
     * One decoder per trusted issuer (in AWS the internal and the consumer pool), picked by the
     * token's {@code iss} from this fixed map: an unknown issuer is refused, never looked up.
     */
    @Bean
    JwtIssuerReactiveAuthenticationManagerResolver issuerResolver(SecurityProperties properties) {
        return issuerResolver(properties, properties.allowedClientIds());
    }

    static JwtIssuerReactiveAuthenticationManagerResolver issuerResolver(SecurityProperties properties,
            Set<String> allowedClientIds) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(AccessTokenRules::authorities);
        Map<String, Mono<ReactiveAuthenticationManager>> managers = new HashMap<>();
        for (SecurityProperties.TrustedIssuer trusted : properties.trustedIssuers()) {
            JwtReactiveAuthenticationManager manager = new JwtReactiveAuthenticationManager(
                    decoder(trusted, allowedClientIds));
            manager.setJwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(converter));
            managers.putIfAbsent(trusted.issuer(), Mono.just(manager));
        }
        Map<String, Mono<ReactiveAuthenticationManager>> fixed = Collections.unmodifiableMap(managers);
        return new JwtIssuerReactiveAuthenticationManagerResolver(issuer -> fixed.getOrDefault(issuer, Mono.empty()));
    }

    /** Only RS256 with a key of the issuer's JWKS: {@code alg: none} and HMAC tokens find no key and fail. */
    private static ReactiveJwtDecoder decoder(SecurityProperties.TrustedIssuer trusted, Set<String> allowedClientIds) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(trusted.jwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(AccessTokenRules.validator(trusted.issuer(), allowedClientIds));
        return decoder;
    }

    /**
     * The gateway's metrics, before the public chain: only for the scraper's {@code lunora-metrics}
     * client-credentials token with scope {@code metrics} (Prometheus' {@code oauth2} scrape
     * setting); to everyone else the path does not exist (404, like the services' actuators).
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain metricsSecurity(ServerHttpSecurity http, SecurityProperties properties) {
        ServerAuthenticationEntryPoint notFound = (exchange, ex) ->
                Problems.write(exchange, HttpStatus.NOT_FOUND, "No such resource.");
        return http
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/actuator/prometheus"))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .oauth2ResourceServer(o -> o
                        .authenticationManagerResolver(issuerResolver(properties, Set.of(METRICS_CLIENT)))
                        .authenticationEntryPoint(notFound)
                        .accessDeniedHandler((exchange, denied) -> notFound.commence(exchange, null)))
                .exceptionHandling(e -> e.authenticationEntryPoint(notFound)
                        .accessDeniedHandler((exchange, denied) -> notFound.commence(exchange, null)))
                .authorizeExchange(a -> a.anyExchange().hasAuthority(ServiceScopes.authority(ServiceScopes.METRICS)))
                .build();
    }

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http,
            JwtIssuerReactiveAuthenticationManagerResolver issuerResolver, AccessProperties access, WebProperties web,
            ObjectProvider<TokenRevocations> revocations) {
        ProblemAuthenticationHandlers problems = new ProblemAuthenticationHandlers();
        revocations.ifAvailable(r -> http.addFilterAfter(new RevokedTokenFilter(r, problems),
                SecurityWebFiltersOrder.AUTHENTICATION));
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .headers(h -> h
                        // the player feeds video through Media Source Extensions, whose object URLs are blob:
                        .contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; media-src 'self' blob:; img-src 'self' blob:"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(f -> f.mode(Mode.DENY))
                        .cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable)
                        .writer(noStoreOnApis()))
                .addFilterAt(new ProblemCorsFilter(web.corsOrigins()), SecurityWebFiltersOrder.CORS)
                .addFilterAfter(new RouteTableFilter(new RouteTable(access.rules())), SecurityWebFiltersOrder.CORS)
                .oauth2ResourceServer(o -> o
                        .authenticationManagerResolver(issuerResolver)
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeExchange(a -> a.anyExchange().access(new RouteAccessManager()))
                .build();
    }

    /** API answers are per caller and never cached; the web apps may set their own caching. */
    private static ServerHttpHeadersWriter noStoreOnApis() {
        return exchange -> {
            if (exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/api/")) {
                exchange.getResponse().getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
            }
            return Mono.empty();
        };
    }
}
