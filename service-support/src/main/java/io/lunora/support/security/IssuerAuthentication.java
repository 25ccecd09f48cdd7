package io.lunora.support.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;

/**
 * Picks the keys by the token's {@code iss} among a fixed set of trusted issuers, so a token is
 * only ever checked against its own issuer's JWKS and {@link AccessTokenRules}. An issuer not
 * configured is refused without any lookup of its metadata.
 */
public final class IssuerAuthentication {
    private IssuerAuthentication() {
    }

    /** The default issuer's decoder is {@code defaultDecoder} (a service may declare its own). */
    public static AuthenticationManagerResolver<HttpServletRequest> resolver(SecurityProperties properties,
            JwtDecoder defaultDecoder) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(AccessTokenRules::authorities);
        Map<String, AuthenticationManager> managers = new HashMap<>();
        for (SecurityProperties.TrustedIssuer trusted : properties.trustedIssuers()) {
            JwtDecoder decoder = trusted.issuer().equals(properties.issuer()) ? defaultDecoder
                    : decoder(trusted, properties);
            JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
            provider.setJwtAuthenticationConverter(converter);
            managers.putIfAbsent(trusted.issuer(), provider::authenticate);
        }
        return new JwtIssuerAuthenticationManagerResolver(Collections.unmodifiableMap(managers)::get);
    }

    /** RS256 keys of the issuer's JWKS, and the access-token rules with that issuer. */
    public static JwtDecoder decoder(SecurityProperties.TrustedIssuer trusted, SecurityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(trusted.jwkSetUri()).build();
        decoder.setJwtValidator(AccessTokenRules.validator(trusted.issuer(), properties.allowedClientIds()));
        return decoder;
    }
}
