package io.lunora.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.identity.Group;
import io.lunora.model.identity.LunoraClaims;
import io.lunora.testing.TestIssuer;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code /api/organizations} is the platform admins': an admin's group and the scope {@code platform}
 * (the local issuer's name, or Cognito's {@code lunora/platform}). An admin without the scope, or the
 * scope without the admins' group, is refused 403 before anything reaches auth-service.
 */
class PlatformRouteTest extends GatewayTestBase {

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST"})
    void shouldRouteAnAdminWithThePlatformScopeToAuthService(String method) {
        for (String scope : List.of("platform", "openid lunora/platform")) {
            SERVICES.values().forEach(RecordingDownstream::clear);

            HttpResponse<String> response = gateway.send(method, "/api/organizations", token(scope, Group.ADMINS));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(SERVICES.get("AUTH").received()).singleElement()
                    .satisfies(r -> assertThat(r.path()).isEqualTo("/api/organizations"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST"})
    void shouldRefuseEveryoneElseBeforeAuthService(String method) {
        assertProblem(gateway.send(method, "/api/organizations", token("openid admin", Group.ADMINS)), 403);
        assertProblem(gateway.send(method, "/api/organizations", tokenOf(Group.ADMINS)), 403);
        assertProblem(gateway.send(method, "/api/organizations", token("platform", Group.OPERATORS)), 403);
        assertProblem(gateway.send(method, "/api/organizations", token("platform", Group.CONSUMER_ADMINS)), 403);
        assertProblem(gateway.send(method, "/api/organizations", null), 401);

        assertThat(everythingReceived()).isEmpty();
    }

    private static String token(String scope, Group group) {
        String username = "u" + UUID.randomUUID().toString().substring(0, 8);
        return ISSUER.token(c -> c.subject("user-" + username)
                .claim(LunoraClaims.USERNAME, username)
                .claim(LunoraClaims.CLIENT_ID, TestIssuer.OPERATOR_CLIENT)
                .claim(LunoraClaims.ORGANIZATION, "default")
                .claim(LunoraClaims.GROUPS, List.of(group.claimValue()))
                .claim(LunoraClaims.SCOPE, scope));
    }
}
