package io.lunora.streaming.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.model.identity.Group;
import io.lunora.streaming.media.MediaEvent;
import io.lunora.streaming.testing.PeerStandIns;
import io.lunora.streaming.testing.ServiceApi;
import io.lunora.testing.RecordingHttpEndpoint;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alert centre on DynamoDB Local with the real event path from the media events on: grouping
 * of a flapping input, resolution once the condition stays clear, the API's filters, paging,
 * acknowledgement, roles and problems, and the live {@code alert} event. Each test uses its own
 * organization.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "lunora.alerts.clear-after=1500ms", "lunora.alerts.check-interval=300ms"})
class AlertCentreApiTest {
    @RegisterExtension
    static final PeerStandIns standIns = new PeerStandIns(AlertCentreApiTest::engine);
    static final HttpClient http = HttpClient.newHttpClient();
    static final JsonMapper json = JsonMapper.builder().build();

    /** The engine knows no channel of these organizations; its event stream is empty. */
    static RecordingHttpEndpoint.Reply engine(RecordingHttpEndpoint.Recorded r) {
        return r.path().startsWith("/internal/engine/events") ? new RecordingHttpEndpoint.Reply(200, "text/event-stream", "")
                : new RecordingHttpEndpoint.Reply(200, "application/json", "{\"running\":false}");
    }

    @LocalServerPort
    int port;
    @Autowired
    MediaAlerts mediaAlerts;
    @Autowired
    AlertCentre centre;

    @Test
    void shouldGroupAFlappingInputIntoOneOpenAlertWithItsCountAndResolveItOnceItStaysBack() throws Exception {
        String operator = standIns.issuer().userToken("olga", "org-flap", Group.OPERATORS);
        Instant t0 = Instant.now();
        for (int i = 0; i < 40; i++) {
            mediaAlerts.onMediaEvent(new MediaEvent.InputSwitched("org-flap", t0.plusMillis(100L * i), "primary",
                    "slate", "signal_lost"));
            mediaAlerts.onMediaEvent(new MediaEvent.InputSwitched("org-flap", t0.plusMillis(100L * i + 50), "slate",
                    "primary", "signal_restored"));
        }

        JsonNode alerts = list(operator, "").path("alerts");
        assertThat(alerts).hasSize(1);
        JsonNode alert = alerts.get(0);
        assertThat(alert.path("kind").asString()).isEqualTo("source_lost");
        assertThat(alert.path("severity").asString()).isEqualTo("critical");
        assertThat(alert.path("source").asString()).isEqualTo("primary");
        assertThat(alert.path("count").asLong()).isEqualTo(40);
        assertThat(alert.path("state").asString()).isEqualTo("open");
        assertThat(Instant.parse(alert.path("first_seen").asString())).isEqualTo(t0);
        assertThat(Instant.parse(alert.path("last_seen").asString())).isEqualTo(t0.plusMillis(3900));

        // the input stays back: resolved after clear-after, still one alert
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(list(operator, "?state=resolved")
                .path("alerts")).hasSize(1));
        assertThat(list(operator, "?state=open").path("alerts")).isEmpty();

        // a new loss after resolution is a new alert
        mediaAlerts.onMediaEvent(new MediaEvent.InputSwitched("org-flap", Instant.now(), "primary", "secondary",
                "input_loss"));
        JsonNode open = list(operator, "?state=open").path("alerts");
        assertThat(open).extracting(a -> a.path("kind").asString())
                .containsExactlyInAnyOrder("source_lost", "failover_succeeded");
        assertThat(list(operator, "?severity=info").path("alerts")).singleElement()
                .satisfies(a -> assertThat(a.path("source").asString()).isEqualTo("secondary"));
    }

    @Test
    void shouldPageNewestFirstAcknowledgeAndAnswerProblemsNamingTheField() throws Exception {
        String operator = standIns.issuer().userToken("olga", "org-page", Group.OPERATORS);
        String admin = standIns.issuer().userToken("ada", "org-page", Group.ADMINS);
        Instant t0 = Instant.now();
        // no session is open: these destinations' alerts are the admins'
        for (int i = 0; i < 5; i++) {
            mediaAlerts.onMediaEvent(new MediaEvent.OutputStateChanged("org-page", t0.plusSeconds(i), "d-" + i,
                    "retrying", "connection refused"));
            // the same state again is no new occurrence
            mediaAlerts.onMediaEvent(new MediaEvent.OutputStateChanged("org-page", t0.plusSeconds(i), "d-" + i,
                    "retrying", "connection refused"));
        }

        List<String> sources = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = list(admin, "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            page.path("alerts").forEach(a -> {
                assertThat(a.path("count").asLong()).isEqualTo(1);
                sources.add(a.path("source").asString());
            });
            cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asString();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(sources).containsExactly("d-4", "d-3", "d-2", "d-1", "d-0");

        assertThat(list(operator, "").path("alerts")).isEmpty();
        String id = list(admin, "?limit=1").path("alerts").get(0).path("alert_id").asString();
        assertThat(send(operator, "POST", "/api/alerts/" + id + "/acknowledge").statusCode()).isEqualTo(404);
        HttpResponse<String> acknowledged = send(admin, "POST", "/api/alerts/" + id + "/acknowledge");
        assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(200);
        JsonNode ack = json.readTree(acknowledged.body());
        assertThat(ack.path("state").asString()).isEqualTo("acknowledged");
        assertThat(ack.path("acknowledged_by").asString()).isEqualTo("ada");
        assertThat(send(admin, "POST", "/api/alerts/" + id + "/acknowledge").statusCode()).isEqualTo(200);
        assertThat(list(admin, "?state=acknowledged").path("alerts")).singleElement()
                .satisfies(a -> assertThat(a.path("alert_id").asString()).isEqualTo(id));

        // an acknowledged alert still groups its repeats, and the destination back live resolves it
        mediaAlerts.onMediaEvent(new MediaEvent.OutputStateChanged("org-page", Instant.now(), "d-4", "live", null));
        mediaAlerts.onMediaEvent(new MediaEvent.OutputStateChanged("org-page", Instant.now(), "d-4", "failed", "gone"));
        assertThat(list(admin, "?state=acknowledged").path("alerts").get(0).path("count").asLong()).isEqualTo(2);
        mediaAlerts.onMediaEvent(new MediaEvent.OutputStateChanged("org-page", Instant.now(), "d-4", "stopped", null));
        assertThat(list(admin, "?state=resolved").path("alerts")).singleElement()
                .satisfies(a -> assertThat(a.path("alert_id").asString()).isEqualTo(id));
        assertThat(send(admin, "POST", "/api/alerts/" + id + "/acknowledge").statusCode()).isEqualTo(409);

        ServiceApi.assertProblem(send(operator, "GET", "/api/alerts?severity=urgent"), 400, "severity");
        ServiceApi.assertProblem(send(operator, "GET", "/api/alerts?state=closed"), 400, "state");
        ServiceApi.assertProblem(send(operator, "GET", "/api/alerts?limit=0"), 400, "limit");
        ServiceApi.assertProblem(send(operator, "GET", "/api/alerts?cursor=not-a-cursor"), 400, "cursor");
        assertThat(send(operator, "POST", "/api/alerts/al-20261203T000000000000000Z-00000000/acknowledge")
                .statusCode()).isEqualTo(404);
        // another organization's alert is one that does not exist
        String stranger = standIns.issuer().userToken("sam", "org-other", Group.ADMINS);
        assertThat(send(stranger, "POST", "/api/alerts/" + id + "/acknowledge").statusCode()).isEqualTo(404);
        assertThat(list(stranger, "").path("alerts")).isEmpty();
        // a viewer has no business here
        assertThat(send(standIns.issuer().userToken("vic", "org-page"), "GET", "/api/alerts").statusCode()).isEqualTo(403);
    }

    @Test
    void shouldSendEveryChangeLiveToTheOrganizationsOpenBrowsers() throws Exception {
        String admin = standIns.issuer().userToken("ada", "org-live", Group.ADMINS);
        HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(url("/api/streaming/events")))
                .header("Authorization", "Bearer " + admin).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        CompletableFuture<String> alertEvent = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                boolean named = false;
                for (String line; (line = reader.readLine()) != null; ) {
                    if (line.equals("event:alert")) {
                        named = true;
                    } else if (named && line.startsWith("data:")) {
                        return line.substring(5);
                    }
                }
                return null;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        mediaAlerts.onMediaEvent(new MediaEvent.InputSwitched("org-live", Instant.now(), "secondary", "slate",
                "signal_lost"));

        JsonNode event = json.readTree(alertEvent.get(10, TimeUnit.SECONDS));
        assertThat(event.path("kind").asString()).isEqualTo("source_lost");
        assertThat(event.path("source").asString()).isEqualTo("secondary");
        assertThat(event.path("state").asString()).isEqualTo("open");
        stream.body().close();
    }

    @Test
    void shouldShowAnOperatorTheirOwnAndTheOrganizationsAlertsOnlyAndAdminsAll() throws Exception {
        String otto = standIns.issuer().userToken("otto", "org-own", Group.OPERATORS);
        String olga = standIns.issuer().userToken("olga", "org-own", Group.OPERATORS);
        String ada = standIns.issuer().userToken("ada", "org-own", Group.ADMINS);
        String ottosId = "user-otto"; // TestIssuer's sub is "user-" + username
        Instant now = Instant.now();
        Alert ottos = centre.raise("org-own", AlertKind.SESSION_COMPLETED, "s-otto", ottosId, false,
                "Session s-otto ended", now);
        Alert admins = centre.raise("org-own", AlertKind.DESTINATION_DISCONNECTED, "d-admin", null, false,
                "Destination d-admin disconnected", now.plusMillis(1));
        mediaAlerts.onMediaEvent(new MediaEvent.InputSwitched("org-own", now.plusMillis(2), "primary", "slate",
                "signal_lost"));

        assertThat(list(otto, "").path("alerts")).extracting(a -> a.path("source").asString())
                .containsExactly("primary", "s-otto");
        assertThat(list(olga, "").path("alerts")).extracting(a -> a.path("source").asString())
                .containsExactly("primary");
        assertThat(list(ada, "").path("alerts")).extracting(a -> a.path("source").asString())
                .containsExactly("primary", "d-admin", "s-otto");
        assertThat(send(olga, "POST", "/api/alerts/" + ottos.alertId() + "/acknowledge").statusCode()).isEqualTo(404);
        assertThat(send(otto, "POST", "/api/alerts/" + admins.alertId() + "/acknowledge").statusCode()).isEqualTo(404);
        assertThat(send(otto, "POST", "/api/alerts/" + ottos.alertId() + "/acknowledge").statusCode()).isEqualTo(200);
    }

    JsonNode list(String token, String query) throws Exception {
        HttpResponse<String> response = send(token, "GET", "/api/alerts" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    HttpResponse<String> send(String token, String method, String path) throws Exception {
        return new ServiceApi(port).send(token, method, path, null);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
