package io.lunora.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The registration endpoints send mail: they get their own strict bucket per address. */
class RegistrationRateLimitTest extends GatewayTestBase {

    @Test
    void shouldLimitRegistrationsPerAddressWithoutTouchingSignIn() {
        HttpResponse<String> refused = null;
        for (int i = 0; i < 10 && refused == null; i++) {
            HttpResponse<String> response = gateway.send("POST", "/auth/api/register", null);
            if (response.statusCode() == 429) {
                refused = response;
            }
        }

        assertThat(refused).as("refused within 10 attempts").isNotNull();
        assertProblem(refused, 429);
        assertThat(SERVICES.get("AUTH").received()).hasSizeLessThanOrEqualTo(6);
        assertProblem(gateway.send("POST", "/auth/verify/resend", null), 429);
        assertThat(gateway.send("GET", "/auth/register", null).statusCode()).as("the form itself is not limited")
                .isEqualTo(200);
    }
}
