package io.lunora.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class AccessTokenRulesTest {

    @Test
    void shouldGrantGroupsAsRolesAndCognitoResourceServerScopesByTheirName() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60))
                .claim("cognito:groups", List.of("operators", "no-such-group"))
                .claim("scope", "openid lunora/destinations.targets").build();

        assertThat(AccessTokenRules.authorities(jwt)).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_OPERATORS", "SCOPE_openid", "SCOPE_lunora/destinations.targets",
                        "SCOPE_destinations.targets");
    }
}
