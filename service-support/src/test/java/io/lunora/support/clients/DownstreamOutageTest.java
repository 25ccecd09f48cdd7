package io.lunora.support.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.model.identity.Group;
import io.lunora.model.identity.ServiceClient;
import io.lunora.testing.TestIssuer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A service calling a real downstream over HTTP that is stopped and started again on the same
 * port: its 4xx problems reach the caller as they were said; while it is down the caller gets a
 * 503 problem naming it, the breaker opens and then refuses at once; once it is back the breaker
 * closes by itself; the service's /actuator/prometheus shows breaker state and retries throughout.
 * A downstream that answers 503 with a reason (the engine's "Engine busy") is passed on with its
 * title and Retry-After.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "lunora.security.issuer=" + TestIssuer.ISSUER,
        "lunora.services.client=streaming-control", "lunora.services.client-secret=s3rvice-secret",
        "management.endpoints.web.exposure.include=health,prometheus",
        // the defaults for everyone, one breaker setting for the stock service alone
        "lunora.services.resilience.defaults.connect-timeout=500ms",
        "lunora.services.resilience.defaults.read-timeout=2s",
        "lunora.services.resilience.defaults.retry-backoff=200ms",
        "lunora.services.resilience.services.stock-service.open-duration=1s"})
class DownstreamOutageTest {
    static final TestIssuer ISSUER = new TestIssuer();
    static final StockServiceStandIn STOCK = new StockServiceStandIn();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("lunora.security.jwk-set-uri", ISSUER::jwkSetUri);
        registry.add("lunora.services.token-uri",
                () -> ISSUER.clientCredentialsTokenUri(ServiceClient.STREAMING_CONTROL, "s3rvice-secret"));
        registry.add("lunora.services.stock-url", STOCK::url);
    }

    @AfterAll
    static void close() {
        ISSUER.close();
    }

    @LocalServerPort
    int port;

    final String operator = ISSUER.userToken("otto", "org-1", Group.OPERATORS);

    @Test
    void shouldFailFastWhileTheDownstreamIsDownAndRecoverByItselfWhenItIsBack() throws Exception {
        // up: answers and refusals pass through, the latter as the downstream said them
        assertThat(get("/api/items/bolt").body()).contains("\"name\":\"bolt\"");
        HttpResponse<String> conflict = get("/api/items/conflict");
        assertProblem(conflict, 409);
        assertThat(conflict.body()).contains("The item is in use by 2 orders.");
        HttpResponse<String> invalid = get("/api/items/invalid");
        assertProblem(invalid, 400);
        assertThat(invalid.body()).contains("\"field\":\"name\"", "\"message\":\"is required\"");
        assertThat(scrape()).contains("resilience4j_circuitbreaker_state{name=\"stock-service\",state=\"closed\"} 1.0");

        STOCK.stop();

        // down: a 503 naming the service, after the retries of a GET (backoff 200 ms, then 400 ms)
        long started = System.nanoTime();
        HttpResponse<String> down = get("/api/items/bolt");
        Duration retried = Duration.ofNanos(System.nanoTime() - started);
        assertProblem(down, 503);
        assertThat(down.body()).contains("The stock-service did not answer", "\"service\":\"stock-service\"");
        assertThat(retried).isGreaterThanOrEqualTo(Duration.ofMillis(200));

        // its three failed attempts are half of the breaker's last six calls: open; from then on no attempt is made
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/api/items/bolt").body().contains("circuit open"));
        started = System.nanoTime();
        HttpResponse<String> cutOff = get("/api/items/bolt");
        Duration refused = Duration.ofNanos(System.nanoTime() - started);
        assertProblem(cutOff, 503);
        assertThat(cutOff.body()).contains("The stock-service did not answer (circuit open");
        assertThat(refused).as("an open breaker answers without retrying or waiting").isLessThan(Duration.ofMillis(200));
        String whileDown = scrape();
        assertThat(whileDown).contains("resilience4j_circuitbreaker_state{name=\"stock-service\",state=\"open\"} 1.0");
        assertThat(metric(whileDown, "resilience4j_retry_calls_total{kind=\"failed_with_retry\",name=\"stock-service\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(metric(whileDown, "resilience4j_circuitbreaker_not_permitted_calls_total{kind=\"not_permitted\",name=\"stock-service\"}"))
                .isGreaterThanOrEqualTo(1);

        STOCK.restart();

        // back: after the open duration trial calls go through and close the breaker, no restart of the caller
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/api/items/bolt").statusCode() == 200);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
            get("/api/items/nut");
            return scrape().contains("resilience4j_circuitbreaker_state{name=\"stock-service\",state=\"closed\"} 1.0");
        });
        assertThat(get("/api/items/nut").body()).contains("\"name\":\"nut\"");

        // busy: a 503 that says why reaches the caller with its title and Retry-After, not its detail
        HttpResponse<String> busy = get("/api/items/busy");
        assertProblem(busy, 503);
        assertThat(busy.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(busy.body()).contains("\"title\":\"Stock busy\"", "\"service\":\"stock-service\"",
                "\"retry_after_seconds\":2", "Try again in 2 s.").doesNotContain("4711");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + operator).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).timeout(Duration.ofSeconds(20))
                // metrics are for a scraper holding a service token
                .header("Authorization", "Bearer " + ISSUER.serviceToken(ServiceClient.METRICS)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static double metric(String scrape, String series) {
        Matcher value = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
        assertThat(value.find()).as(series + " in\n" + scrape).isTrue();
        return Double.parseDouble(value.group(1));
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }
}
