package io.lunora.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.identity.Group;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The gateway sends {@code Referrer-Policy: no-referrer}, so a browser's own form posts and
 * fetches carry {@code Origin: null}: they must pass (sign-in, the web apps' writes), without
 * CORS headers that would let an opaque origin read the answer.
 */
class OpaqueOriginTest extends GatewayTestBase {

    @Test
    void shouldPassTheBrowsersOwnPostsWithAnOpaqueOrigin() {
        HttpResponse<String> signIn = gateway.send("POST", "/login", null, Map.of("Origin", "null"));
        HttpResponse<String> write = gateway.send("POST", "/api/destinations", tokenOf(Group.OPERATORS), Map.of("Origin", "null"));

        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(SERVICES.get("AUTH").received()).isNotEmpty();
        assertThat(write.statusCode()).isEqualTo(200);
        assertThat(write.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void shouldStillRefuseAPreflightFromAnOpaqueOriginAndForeignOrigins() {
        assertProblem(gateway.send("OPTIONS", "/api/destinations", null,
                Map.of("Origin", "null", "Access-Control-Request-Method", "POST")), 403);
        assertProblem(gateway.send("POST", "/api/destinations", tokenOf(Group.OPERATORS),
                Map.of("Origin", "https://evil.example")), 403);
    }

    /** A malformed Origin is bad input: a problem (400), never a 500 with a stack trace in the log. */
    @Test
    void shouldAnswerAMalformedOriginWithAProblem() {
        for (String origin : List.of("http://[::1", "http://exa mple.com", "http://%zz", "://")) {
            HttpResponse<String> response = gateway.send("POST", "/api/destinations", tokenOf(Group.OPERATORS),
                    Map.of("Origin", origin));
            assertThat(response.statusCode()).as("Origin: %s", origin).isIn(400, 403);
            assertProblem(response, response.statusCode());
        }
    }
}
