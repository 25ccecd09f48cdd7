package io.lunora.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.model.identity.Group;
import io.lunora.model.identity.ServiceClient;
import io.lunora.model.identity.ServiceScopes;
import io.lunora.testing.TestIssuer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Each route's time limit and circuit breaker against real services: one stopped and started again
 * on the same port (503 problem, the breaker opens and then answers without trying, and closes by
 * itself once the service is back), one too slow (504 problem at the route's time limit); the
 * breaker's state and counters on /actuator/prometheus, which only the scraper's lunora-metrics token reads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "lunora.security.issuer=" + TestIssuer.ISSUER,
        "lunora.gateway.resilience.routes.preset-service.sliding-window-size=4",
        "lunora.gateway.resilience.routes.preset-service.minimum-calls=4",
        "lunora.gateway.resilience.routes.preset-service.open-duration=1s",
        "lunora.gateway.resilience.routes.preset-service.half-open-calls=1",
        "lunora.gateway.resilience.routes.destination-service.timeout=500ms",
        // no auth-service here: its revocation lookups would only add time to the 1 s open window
        "lunora.gateway.token-revocation.enabled=false"})
class RouteBreakerTest {
    static final TestIssuer ISSUER = new TestIssuer();
    static final RestartableService PRESETS = new RestartableService(path -> RestartableService.Answer.json("[]"));
    static final RestartableService DESTINATIONS = new RestartableService(path -> RestartableService.Answer.json("[]"));
    static final RestartableService STREAMS = new RestartableService(path -> RestartableService.Answer.json("[]"));

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("lunora.security.jwk-set-uri", ISSUER::jwkSetUri);
        registry.add("LUNORA_PRESET_URI", PRESETS::uri);
        registry.add("LUNORA_DESTINATION_URI", DESTINATIONS::uri);
        registry.add("LUNORA_VIEWER_URI", STREAMS::uri);
    }

    @AfterAll
    static void stop() {
        ISSUER.close();
        PRESETS.close();
        DESTINATIONS.close();
        STREAMS.close();
    }

    @LocalServerPort
    int port;
    GatewayClient gateway;
    final String operator = ISSUER.userToken("otto", "org-1", Group.OPERATORS);

    @BeforeEach
    void connect() {
        gateway = new GatewayClient(port);
    }

    @Test
    void shouldOpenTheBreakerWhileTheServiceIsDownAndCloseItWhenItIsBack() {
        assertThat(presets().statusCode()).isEqualTo(200);

        PRESETS.stop();

        HttpResponse<String> down = presets();
        GatewayTestBase.assertProblem(down, 503);
        assertThat(down.body()).contains("The preset-service is not available");
        // four failed calls in a window of four
        await().atMost(Duration.ofSeconds(10)).until(() -> presets().statusCode() == 503 && state("preset-service", "open"));
        long started = System.nanoTime();
        HttpResponse<String> cutOff = presets();
        Duration answeredIn = Duration.ofNanos(System.nanoTime() - started);
        GatewayTestBase.assertProblem(cutOff, 503);
        assertThat(cutOff.body()).contains("The preset-service is not available");
        assertThat(answeredIn).as("an open breaker does not try the service").isLessThan(Duration.ofMillis(500));
        assertThat(series(scrape(), "resilience4j_circuitbreaker_not_permitted_calls_total", "preset-service"))
                .isGreaterThanOrEqualTo(1);

        PRESETS.restart();

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> presets().statusCode() == 200 && state("preset-service", "closed"));
    }

    @Test
    void shouldAnswer504AtTheRoutesTimeLimit() {
        long started = System.nanoTime();
        HttpResponse<String> slow = gateway.send("GET", "/api/destinations/slow", operator);
        Duration answeredIn = Duration.ofNanos(System.nanoTime() - started);

        GatewayTestBase.assertProblem(slow, 504);
        assertThat(slow.body()).contains("The destination-service did not answer in time.");
        assertThat(answeredIn).isLessThan(Duration.ofMillis(2500));
        assertThat(series(scrape(), "resilience4j_circuitbreaker_calls_seconds_count", "destination-service", "failed"))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void shouldShowMetricsOnlyToTheScrapersToken() {
        GatewayTestBase.assertProblem(gateway.send("GET", "/actuator/prometheus", null), 404);
        GatewayTestBase.assertProblem(gateway.send("GET", "/actuator/prometheus", operator), 404);
        GatewayTestBase.assertProblem(gateway.send("GET", "/actuator/prometheus",
                ISSUER.serviceToken(ServiceClient.GATEWAY)), 404);
        GatewayTestBase.assertProblem(gateway.send("GET", "/actuator/prometheus",
                ISSUER.serviceToken(ServiceClient.STREAMING_CONTROL.clientId(), ServiceScopes.METRICS)), 404);
        GatewayTestBase.assertProblem(gateway.send("GET", "/actuator/prometheus",
                ISSUER.userToken("ada", "org-1", Group.ADMINS)), 404);

        assertThat(gateway.send("GET", "/api/streams", null).statusCode()).isEqualTo(200);
        assertThat(state("viewer-service", "closed")).isTrue();
    }

    private HttpResponse<String> presets() {
        return gateway.send("GET", "/api/presets", operator);
    }

    private String scrape() {
        HttpResponse<String> response = gateway.send("GET", "/actuator/prometheus",
                ISSUER.serviceToken(ServiceClient.METRICS));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private boolean state(String route, String state) {
        return series(scrape(), "resilience4j_circuitbreaker_state", route, state) == 1.0;
    }

    /** The value of the series of {@code metric} whose labels include name=route (and kind/state {@code label}). */
    private static double series(String scrape, String metric, String route, String... label) {
        return scrape.lines()
                .filter(line -> line.startsWith(metric + "{"))
                .filter(line -> line.contains("name=\"" + route + "\""))
                .filter(line -> label.length == 0 || Pattern.compile("(kind|state)=\"" + label[0] + "\"").matcher(line).find())
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
