package io.lunora.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.identity.Group;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 14 row 13: floods of anonymous and invalid-token requests, which the security chain
 * refuses before the per-caller limits, are throttled per client address: after the budget of
 * 401s, 429 problem+json with Retry-After, nothing reaches a service, other addresses unaffected.
 * A low loopback budget here (the default is generous for the system tests); each test calls from
 * its own loopback address, so each has a bucket of its own.
 */
@TestPropertySource(properties = {
        "lunora.gateway.rate-limit.refused.loopback-per-second=0.2",
        "lunora.gateway.rate-limit.refused.loopback-burst=4"})
class RefusedRequestFloodTest extends GatewayTestBase {

    @Test
    void shouldThrottleAnAnonymousFloodPerAddress() throws Exception {
        HttpClient attacker = clientFrom("127.0.0.11");
        for (int i = 1; i <= 4; i++) {
            assertProblem(get(attacker, "/api/destinations", null), 401);
        }
        HttpResponse<String> throttled = get(attacker, "/api/destinations", null);
        assertProblem(throttled, 429);
        assertThat(Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 5L);
        assertProblem(get(attacker, "/api/presets", null), 429);
        assertProblem(get(attacker, "/api/destinations", tokenOf(Group.OPERATORS)), 429);
        assertThat(SERVICES.get("DESTINATION").received()).isEmpty();

        HttpResponse<String> elsewhere = get(clientFrom("127.0.0.12"), "/api/destinations", tokenOf(Group.OPERATORS));
        assertThat(elsewhere.statusCode()).as("another address is not throttled").isEqualTo(200);
    }

    @Test
    void shouldThrottleAFloodOfInvalidTokensBeforeDecodingThem() throws Exception {
        HttpClient attacker = clientFrom("127.0.0.13");
        String forged = tokenOf(Group.ADMINS).replaceAll(".{6}$", "AAAAAA");
        for (int i = 1; i <= 4; i++) {
            HttpResponse<String> refused = get(attacker, "/api/users", forged);
            assertProblem(refused, 401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        }
        HttpResponse<String> throttled = get(attacker, "/api/users", forged);
        assertProblem(throttled, 429);
        assertThat(throttled.headers().firstValue("WWW-Authenticate")).as("not looked at").isEmpty();
        assertThat(SERVICES.get("AUTH").received()).isEmpty();
    }

    @Test
    void shouldNotCountAnsweredRequests() throws Exception {
        HttpClient caller = clientFrom("127.0.0.14");
        String token = tokenOf(Group.OPERATORS);
        for (int i = 1; i <= 10; i++) {
            assertThat(get(caller, "/api/destinations", token).statusCode()).as("request %d", i).isEqualTo(200);
        }
    }

    private static HttpClient clientFrom(String loopbackAddress) throws IOException {
        return HttpClient.newBuilder().localAddress(InetAddress.getByName(loopbackAddress))
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    private HttpResponse<String> get(HttpClient client, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
