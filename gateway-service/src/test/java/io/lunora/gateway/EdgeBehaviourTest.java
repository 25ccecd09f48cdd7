package io.lunora.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.model.identity.Group;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Rate limits, CORS, security headers, streaming and body limits, through real HTTP. */
class EdgeBehaviourTest extends GatewayTestBase {
    static final String WEB_ORIGIN = "http://localhost:8080";

    @Test
    void shouldLimitEachCallerSeparatelyWith429AndRetryAfter() {
        String eager = tokenOf(Group.PREMIUM);
        List<HttpResponse<String>> burst = IntStream.range(0, 120)
                .mapToObj(i -> GatewayClient.HTTP.sendAsync(HttpRequest.newBuilder(gateway.uri("/api/viewers/me"))
                        .header("Authorization", "Bearer " + eager).build(), HttpResponse.BodyHandlers.ofString()))
                .toList().stream().map(CompletableFuture::join).toList();

        List<HttpResponse<String>> limited = burst.stream().filter(r -> r.statusCode() == 429).toList();
        assertThat(limited).isNotEmpty();
        assertThat(burst.stream().filter(r -> r.statusCode() == 200).count()).isBetween(40L, 100L);
        assertProblem(limited.getFirst(), 429);
        assertThat(limited.getFirst().headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
        assertThat(gateway.send("GET", "/api/viewers/me", tokenOf(Group.PREMIUM)).statusCode())
                .as("another caller keeps its own budget").isEqualTo(200);
    }

    @Test
    void shouldLimitSignInAttemptsPerAddressMoreStrictly() {
        HttpResponse<String> refused = null;
        for (int i = 0; i < 30 && refused == null; i++) {
            HttpResponse<String> response = gateway.send("POST", "/login", null);
            if (response.statusCode() == 429) {
                refused = response;
            }
        }

        assertThat(refused).as("refused within 30 attempts").isNotNull();
        assertProblem(refused, 429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(SERVICES.get("AUTH").received()).hasSizeLessThan(30);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(gateway.send("POST", "/login", null).statusCode()).isEqualTo(200));
    }

    @Test
    void shouldLimitSignInPerAddressWhateverBearerIsSent() {
        HttpResponse<String> refused = null;
        for (int i = 0; i < 30 && refused == null; i++) {
            // a valid token of a fresh subject each time: keyed by subject, each would get a fresh bucket
            HttpResponse<String> response = gateway.send("POST", "/login", tokenOf(Group.OPERATORS));
            if (response.statusCode() == 429) {
                refused = response;
            }
        }

        assertThat(refused).as("refused within 30 attempts from one address").isNotNull();
        assertProblem(refused, 429);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(gateway.send("POST", "/login", null).statusCode()).isEqualTo(200));
    }

    @Test
    void shouldAnswerPreflightFromAllowedOrigin() {
        HttpResponse<String> response = gateway.send("OPTIONS", "/api/destinations/d-1", null, Map.of(
                "Origin", WEB_ORIGIN, "Access-Control-Request-Method", "PUT",
                "Access-Control-Request-Headers", "authorization,content-type"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(WEB_ORIGIN);
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(
                methods -> assertThat(methods).contains("PUT"));
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers")).hasValueSatisfying(
                headers -> assertThat(headers.toLowerCase()).contains("authorization"));
        assertThat(everythingReceived()).isEmpty();
    }

    @Test
    void shouldRefusePreflightAndRequestsFromOtherOrigins() {
        HttpResponse<String> preflight = gateway.send("OPTIONS", "/api/destinations", null, Map.of(
                "Origin", "https://evil.example", "Access-Control-Request-Method", "POST"));
        HttpResponse<String> request = gateway.send("GET", "/api/streams", null, Map.of("Origin", "https://evil.example"));

        assertProblem(preflight, 403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertProblem(request, 403);
        assertThat(everythingReceived()).isEmpty();
    }

    @Test
    void shouldLetAllowedOriginReadTheAnswer() {
        HttpResponse<String> response = gateway.send("GET", "/api/streams", null, Map.of("Origin", WEB_ORIGIN));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(WEB_ORIGIN);
    }

    @Test
    void shouldSetSecurityHeadersOnRoutedAnswersAndOnErrors() {
        for (HttpResponse<String> response : List.of(gateway.send("GET", "/api/streams", null),
                gateway.send("GET", "/api/destinations", null))) {
            assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'self'; media-src 'self' blob:; img-src 'self' blob:");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(response.headers().firstValue("Strict-Transport-Security"))
                    .as("HSTS only over https").isEmpty();
        }
    }

    @Test
    void shouldAskBrowsersForHttpsOnlyWhenTheRequestCameOverHttps(@Autowired ApplicationContext context) {
        WebTestClient overHttps = WebTestClient.bindToApplicationContext(context).configureClient()
                .baseUrl("https://localhost").build();

        overHttps.get().uri("/api/streams").exchange()
                .expectStatus().isOk()
                .expectHeader().valueMatches("Strict-Transport-Security", "max-age=\\d+ ; includeSubDomains");
    }

    @Test
    void shouldStreamServerSentEventsEventByEvent() throws Exception {
        RecordingDownstream streaming = SERVICES.get("STREAMING");
        streaming.resetEvents();
        HttpRequest request = HttpRequest.newBuilder(gateway.uri("/api/streaming/events"))
                .header("Authorization", "Bearer " + tokenOf(Group.OPERATORS))
                .header("Accept", "text/event-stream").build();
        HttpResponse<InputStream> response = GatewayClient.HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .get(5, TimeUnit.SECONDS);
        try (BufferedReader events = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));
            String first = CompletableFuture.supplyAsync(() -> readData(events)).get(5, TimeUnit.SECONDS);
            assertThat(first).as("first event arrives while the service still holds the second").isEqualTo("data: first");
            streaming.releaseSecondEvent();

            assertThat(CompletableFuture.supplyAsync(() -> readData(events)).get(5, TimeUnit.SECONDS))
                    .isEqualTo("data: second");
        }
    }

    @Test
    void shouldRefuseBodiesOverTheLimitBeforeForwarding() {
        HttpResponse<String> response = GatewayClient.send(HttpRequest.newBuilder(gateway.uri("/api/destinations"))
                .header("Authorization", "Bearer " + tokenOf(Group.OPERATORS))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[1024 * 1024 + 1])).build());

        assertProblem(response, 413);
        assertThat(everythingReceived()).isEmpty();
    }

    @Test
    void shouldRefuseChunkedBodiesOverTheLimit() {
        byte[] big = new byte[2 * 1024 * 1024];
        HttpResponse<String> response = GatewayClient.send(HttpRequest.newBuilder(gateway.uri("/api/destinations"))
                .header("Authorization", "Bearer " + tokenOf(Group.OPERATORS))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build());

        assertProblem(response, 413);
        assertThat(everythingReceived()).allSatisfy(r -> assertThat(r.bodyBytes()).isLessThan(big.length));
    }

    @Test
    void shouldForwardBodiesWithinTheLimit() {
        HttpResponse<String> response = GatewayClient.send(HttpRequest.newBuilder(gateway.uri("/api/destinations"))
                .header("Authorization", "Bearer " + tokenOf(Group.OPERATORS))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[64 * 1024])).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SERVICES.get("DESTINATION").received()).singleElement()
                .satisfies(r -> assertThat(r.bodyBytes()).isEqualTo(64 * 1024));
    }

    @Test
    void shouldAnswer504WhenAServiceIsSlow() {
        HttpResponse<String> response = gateway.send("GET", "/api/destinations/slow", tokenOf(Group.OPERATORS));

        assertProblem(response, 504);
    }

    private static String readData(BufferedReader events) {
        try {
            String line;
            while ((line = events.readLine()) != null) {
                if (line.startsWith("data:")) {
                    return line;
                }
            }
            return null;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
