package io.lunora.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lunora.model.identity.Group;
import io.lunora.testing.CognitoPool;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/** The services pick a token's keys by its {@code iss} among the configured pools, as the gateway does. */
class IssuerAuthenticationTest {
    static final CognitoPool INTERNAL = new CognitoPool("eu-west-1_Internal");
    static final CognitoPool CONSUMER = new CognitoPool("eu-west-1_Consumer");
    static final CognitoPool UNTRUSTED = new CognitoPool("eu-west-1_Other");

    static final SecurityProperties PROPERTIES = new SecurityProperties(INTERNAL.issuer(), INTERNAL.jwkSetUri(),
            Set.of("operator-client", "watch-client"),
            List.of(new SecurityProperties.TrustedIssuer(CONSUMER.issuer(), CONSUMER.jwkSetUri())));

    final AuthenticationManagerResolver<HttpServletRequest> resolver = IssuerAuthentication.resolver(PROPERTIES,
            IssuerAuthentication.decoder(PROPERTIES.trustedIssuers().getFirst(), PROPERTIES));

    @AfterAll
    static void stopPools() {
        INTERNAL.close();
        CONSUMER.close();
        UNTRUSTED.close();
    }

    @Test
    void shouldAcceptAccessTokensOfEachTrustedPoolWithTheirGroups() {
        assertThat(authorities(INTERNAL.accessToken("operator-client", "olga", "org-1", Group.OPERATORS)))
                .contains("ROLE_OPERATORS");
        assertThat(authorities(CONSUMER.accessToken("watch-client", "vera", "org-1", Group.PREMIUM)))
                .contains("ROLE_PREMIUM");
    }

    @Test
    void shouldRefuseAnIdTokenOfATrustedPool() {
        assertRefused(CONSUMER.idToken("watch-client", "vera", Group.PREMIUM));
    }

    @Test
    void shouldRefuseATokenOfAnIssuerNotConfigured() {
        assertRefused(UNTRUSTED.accessToken("watch-client", "mallory", "org-1", Group.PREMIUM));
    }

    @Test
    void shouldRefuseATokenSignedByOnePoolClaimingTheOther() {
        assertRefused(INTERNAL.accessToken("watch-client", "mallory", c -> c.issuer(CONSUMER.issuer()), Group.PREMIUM));
        assertRefused(CONSUMER.accessToken("operator-client", "mallory", c -> c.issuer(INTERNAL.issuer()),
                Group.OPERATORS));
    }

    private List<String> authorities(String token) {
        Authentication authenticated = authenticate(token);
        assertThat(authenticated.isAuthenticated()).isTrue();
        return authenticated.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }

    private void assertRefused(String token) {
        assertThatThrownBy(() -> authenticate(token)).isInstanceOf(AuthenticationException.class);
    }

    private Authentication authenticate(String token) {
        return resolver.resolve(new MockHttpServletRequest()).authenticate(new BearerTokenAuthenticationToken(token));
    }
}
