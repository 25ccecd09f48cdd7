package io.lunora.auth.issuer;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.lunora.auth.AuthProperties;
import io.lunora.auth.sessions.ConcurrentSessions;
import io.lunora.auth.signin.SessionLifetimeFilter;
import io.lunora.auth.users.UserStore;
import io.lunora.model.identity.Platform;
import io.lunora.model.identity.ServiceScopes;
import io.lunora.support.problem.ProblemJson;
import io.lunora.support.security.AccessTokenRules;
import io.lunora.support.security.SecurityProperties;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Three filter chains: the authorization server endpoints (sign-in through the login pages), the
 * user admin API and the actuator (stateless, bearer tokens of this issuer validated like every
 * service does; only health open), and
 * the server-rendered pages (session and CSRF).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthProperties.class)
class SecurityConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(AuthProperties properties) {
        return new ImmutableJWKSet<>(new JWKSet(SigningKey.loadOrCreate(properties.dataDir().resolve("signing-key.jwk"))));
    }

    /** This issuer's own tokens, checked with the rules every service applies (no HTTP round trip). */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, SecurityProperties security) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(jwkSource).build();
        decoder.setJwtValidator(AccessTokenRules.validator(security.issuer(), security.allowedClientIds()));
        return decoder;
    }

    @Bean
    RegisteredClientRepository registeredClients(SecurityProperties security, AuthProperties properties,
            PasswordEncoder encoder, org.springframework.core.env.Environment environment) {
        // the same setting the gateway serves the apps on their own hosts with
        java.util.Map<String, String> appHosts = org.springframework.boot.context.properties.bind.Binder.get(environment)
                .bind("lunora.web.hosts", org.springframework.boot.context.properties.bind.Bindable
                        .mapOf(String.class, String.class)).orElse(java.util.Map.of());
        return new InMemoryRegisteredClientRepository(Clients.all(security.issuer(),
                ServiceClientSecrets.resolve(properties, encoder::encode), appHosts));
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(SecurityProperties security) {
        return AuthorizationServerSettings.builder().issuer(security.issuer()).build();
    }

    /**
     * A relative {@code Location: /login}: never built from the request's Host or X-Forwarded-Host,
     * which a client can forge; the browser resolves it against the host it used.
     */
    private static LoginUrlAuthenticationEntryPoint toLoginPage() {
        LoginUrlAuthenticationEntryPoint entryPoint = new LoginUrlAuthenticationEntryPoint("/login");
        entryPoint.setFavorRelativeUris(true);
        return entryPoint;
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http, UserStore users, Clock clock,
            ConcurrentSessions sessions) throws Exception {
        PoolGuard poolGuard = new PoolGuard(users);
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.oidc(Customizer.withDefaults())
                    .authorizationEndpoint(endpoint -> endpoint.authenticationProviders(providers -> providers.stream()
                            .filter(OAuth2AuthorizationCodeRequestAuthenticationProvider.class::isInstance)
                            .map(OAuth2AuthorizationCodeRequestAuthenticationProvider.class::cast)
                            .forEach(p -> p.setAuthenticationValidator(
                                    new OAuth2AuthorizationCodeRequestAuthenticationValidator().andThen(poolGuard)))));
        })
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .addFilterAfter(new SessionLifetimeFilter(clock, sessions), SecurityContextHolderFilter.class)
                .oauth2ResourceServer(o -> o.jwt(Customizer.withDefaults()))
                // only the authorization endpoint sends a browser to the login page; the others answer 401
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(toLoginPage(),
                        PathPatternRequestMatcher.withDefaults().matcher("/oauth2/authorize")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain userApi(HttpSecurity http) throws Exception {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(AccessTokenRules::authorities);
        http.securityMatcher("/api/**", "/actuator/**", "/internal/users/**", "/internal/viewers/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        // as on every service's port: health open, metrics and build info for services only
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasAuthority(ServiceScopes.authority(ServiceScopes.METRICS))
                        .requestMatchers(HttpMethod.GET, "/internal/users/*/token-validity")
                                .hasAuthority(ServiceScopes.authority(ServiceScopes.USERS_TOKEN_VALIDITY))
                        .requestMatchers(HttpMethod.DELETE, "/internal/viewers/*")
                                .hasAuthority(ServiceScopes.authority(ServiceScopes.VIEWERS_DELETE))
                        .requestMatchers(HttpMethod.GET, "/api/users/me").hasAnyRole("OPERATORS", "ADMINS")
                        .requestMatchers("/api/users", "/api/users/**").hasRole("ADMINS")
                        // the platform admins' (as at the gateway's route): an admin's role and the platform scope
                        // and the consumer pool's groups: the viewer side belongs to the platform, not to one organization
                        .requestMatchers("/api/organizations", "/api/organizations/**", "/api/admin/users/consumers/**")
                                .access(AuthorizationManagers
                                .allOf(AuthorityAuthorizationManager.hasRole("ADMINS"),
                                        AuthorityAuthorizationManager.hasAuthority("SCOPE_" + Platform.SCOPE)))
                        .anyRequest().denyAll())
                .oauth2ResourceServer(o -> o
                        .jwt(j -> j.jwtAuthenticationConverter(converter))
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
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/auth/**", "/error", "/favicon.ico", "/internal/dev/mail",
                                "/v3/api-docs", "/v3/api-docs/**").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint(toLoginPage()))
                // the registration JSON API is stateless: no session cookie to ride on, so no CSRF token
                .csrf(c -> c.ignoringRequestMatchers("/auth/api/**"))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"));
        return http.build();
    }
}
