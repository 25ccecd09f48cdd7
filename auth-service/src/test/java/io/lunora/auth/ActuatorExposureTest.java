package io.lunora.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.identity.ServiceClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Issue 14 row 10 on auth-service's port: only health is open; metrics and build info need a service token. */
class ActuatorExposureTest extends AuthServerTestBase {

    @Test
    void shouldOpenOnlyHealthWithoutAToken() {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        for (String path : new String[] {"/actuator/prometheus", "/actuator/info", "/actuator"}) {
            HttpResponse<String> anonymous = get(path, null);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(anonymous.body()).doesNotContain("jvm_").doesNotContain("http_server_requests");
        }
    }

    @Test
    void shouldServeMetricsToTheScrapersTokenOnlyNotToAUserOrAnotherService() {
        HttpResponse<String> issued = clientCredentials(ServiceClient.METRICS);
        String serviceToken = JSON.readTree(issued.body()).path("access_token").asString();

        HttpResponse<String> metrics = get("/actuator/prometheus", serviceToken);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_");
        assertThat(get("/actuator/prometheus", admin().tokens().accessToken()).statusCode())
                .as("an admin's token is a person's, not a service's").isEqualTo(403);
        assertThat(get("/actuator/prometheus", serviceToken(ServiceClient.GATEWAY)).statusCode())
                .as("the gateway's token has no metrics scope").isEqualTo(403);
    }

    private HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }
}
