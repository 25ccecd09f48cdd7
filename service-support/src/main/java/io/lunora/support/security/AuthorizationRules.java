package io.lunora.support.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own route rules (roles per path and method), applied in front of the shared
 * "everything else needs a valid token" rule. The gateway checks the same rules first; this is
 * the service's second line of defense.
 */
@FunctionalInterface
public interface AuthorizationRules {
    void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
}
