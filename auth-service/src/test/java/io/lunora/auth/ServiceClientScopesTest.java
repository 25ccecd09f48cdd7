package io.lunora.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.identity.ServiceClient;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: one confidential client per calling service, each with only its scopes. A client gets
 * no scope of another (invalid_scope), and auth-service's internal endpoints answer only their
 * caller's token: the viewer deletion viewer-service's, the token validity the gateway's; any
 * other service's token gets 403 problem+json.
 */
class ServiceClientScopesTest extends AuthServerTestBase {

    @Test
    void shouldGiveEachServiceClientOnlyItsOwnScopes() {
        for (ServiceClient client : ServiceClient.values()) {
            HttpResponse<String> issued = clientCredentials(client);
            assertThat(issued.statusCode()).as(client + ": " + issued.body()).isEqualTo(200);
            assertThat(JSON.readTree(issued.body()).path("scope").asString().split(" "))
                    .containsExactlyInAnyOrderElementsOf(client.scopes());
        }
        HttpResponse<String> overreach = post("/oauth2/token", Map.of("grant_type", "client_credentials",
                "scope", "catalog.playback destinations.targets"),
                "lunora-gateway:" + secretOf(ServiceClient.GATEWAY));
        assertThat(overreach.statusCode()).as(overreach.body()).isEqualTo(400);
        assertThat(overreach.body()).contains("invalid_scope");
    }

    @Test
    void shouldDeleteViewersForViewerServicesTokenOnly() {
        String path = "/internal/viewers/" + UUID.randomUUID();
        for (ServiceClient other : new ServiceClient[] {ServiceClient.GATEWAY, ServiceClient.STREAMING_CONTROL,
                ServiceClient.PRESET, ServiceClient.METRICS}) {
            assertForbidden(api("DELETE", path, serviceToken(other), null));
        }
        assertThat(api("DELETE", path, serviceToken(ServiceClient.VIEWER), null).statusCode())
                .as("past the scope check: no such viewer").isEqualTo(404);
    }

    @Test
    void shouldAnswerTokenValidityToTheGatewaysTokenOnly() {
        String path = "/internal/users/" + UUID.randomUUID() + "/token-validity";
        for (ServiceClient other : new ServiceClient[] {ServiceClient.VIEWER, ServiceClient.STREAMING_CONTROL,
                ServiceClient.PRESET, ServiceClient.METRICS}) {
            assertForbidden(api("GET", path, serviceToken(other), null));
        }
        assertThat(api("GET", path, serviceToken(ServiceClient.GATEWAY), null).statusCode())
                .as("past the scope check: no such user").isEqualTo(404);
    }

    private static void assertForbidden(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).path("status").asInt()).isEqualTo(403);
    }
}
