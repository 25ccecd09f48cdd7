package io.lunora.streaming.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.model.identity.Group;
import io.lunora.streaming.StreamingControlApplication;
import io.lunora.streaming.media.MediaEvent;
import io.lunora.streaming.testing.PeerStandIns;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A session's switches in their own table and its live state not mirrored into DynamoDB, on
 * DynamoDB Local, the real stores wrapped in call counters ({@link CountingStores}); the engine
 * and the other services are recorded endpoints answering as {@link StreamingApiTest#peer} does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(CountingStores.class)
class SessionEventsTest {
    @RegisterExtension
    static final PeerStandIns standIns = new PeerStandIns(StreamingApiTest::peer);
    static final HttpClient http = HttpClient.newHttpClient();
    static final JsonMapper json = JsonMapper.builder().build();
    static final String SESSIONS = "lunora-local-StreamSessions";
    /** One flapping cycle: two outages through the slate, each a failover. */
    static final String[][] FLAP = {{"primary", "slate"}, {"slate", "secondary"}, {"secondary", "slate"},
            {"slate", "primary"}};

    @LocalServerPort
    int port;
    @Autowired
    StreamingControlService control;
    @Autowired
    DynamoDbClient dynamo;

    // an admin's session has no maximum duration: the background never stops it during a test; it is
    // the admin's own, so the admin reads it (an operator sees only sessions they started)
    final String admin = standIns.issuer().userToken("ada", "org-s", Group.ADMINS);

    @BeforeEach
    void noOpenSession() throws Exception {
        post(port, admin, "/api/streaming/stop");
        standIns.peers().clear();
    }

    @Test
    void shouldKeepFiveHundredSwitchesWritableAndPageableWithTheSessionItemBounded() throws Exception {
        String id = start();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<MediaEvent.InputSwitched> sent = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String[] fromTo = FLAP[i % FLAP.length];
            // every fourth time falls on a whole second, which Instant.toString writes shorter
            sent.add(new MediaEvent.InputSwitched("org-s", t0.plusMillis(250L * i), fromTo[0], fromTo[1], "input_loss"));
        }
        int writesBefore = CountingStores.switchWrites.get();

        sent.forEach(control::onMediaEvent);
        control.onMediaEvent(sent.getLast()); // a repeat: the program is already on that input
        control.onMediaEvent(sent.getLast());

        List<JsonNode> paged = new ArrayList<>();
        int pages = 0;
        String cursor = null;
        do {
            HttpResponse<String> page = get(port, admin, "/api/streaming/sessions/" + id + "/events?limit=37"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            JsonNode body = json.readTree(page.body());
            body.path("events").forEach(paged::add);
            cursor = body.path("next_cursor").isNull() ? null : body.path("next_cursor").asString();
            pages++;
        } while (cursor != null && pages < 100);

        assertThat(pages).isEqualTo(14); // 13 full pages of 37 and 19: no empty last page
        assertThat(paged).extracting(e -> Instant.parse(e.path("time").asString()))
                .containsExactlyElementsOf(sent.stream().map(MediaEvent::time).toList());
        assertThat(paged).extracting(e -> e.path("from").asString() + ">" + e.path("to").asString())
                .containsExactlyElementsOf(sent.stream().map(s -> s.from() + ">" + s.to()).toList());
        assertThat(CountingStores.switchWrites.get() - writesBefore).isEqualTo(500);

        JsonNode session = json.readTree(get(port, admin, "/api/streaming/sessions/" + id).body());
        assertThat(session.path("switch_count").asInt()).isEqualTo(500);
        assertThat(session.path("failover_count").asInt()).isEqualTo(250);
        assertThat(session.path("slate_insertions").asInt()).isEqualTo(250);
        assertThat(session.path("source_config").path("active_input").asString()).isEqualTo("primary");
        assertThat(session.path("failover_events")).hasSize(10);
        assertThat(session.path("failover_events").get(9).path("time").asString())
                .isEqualTo(sent.getLast().time().toString());
        Map<String, AttributeValue> item = item(id);
        assertThat(item.get("failover_events").l()).hasSize(10);
        assertThat(item.toString().length()).as("the session item stays small").isLessThan(8_000);

        String otherOrg = standIns.issuer().userToken("eve", "org-other", Group.ADMINS);
        assertThat(get(port, otherOrg, "/api/streaming/sessions/" + id + "/events").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldAnswerBadPagingAsProblemsNamingTheField() throws Exception {
        String id = start();

        HttpResponse<String> badCursor = get(port, admin, "/api/streaming/sessions/" + id + "/events?cursor=bm9wZQ");
        HttpResponse<String> badLimit = get(port, admin, "/api/streaming/sessions/" + id + "/events?limit=0");
        HttpResponse<String> empty = get(port, admin, "/api/streaming/sessions/" + id + "/events");

        assertThat(badCursor.statusCode()).isEqualTo(400);
        assertThat(badCursor.body()).contains("cursor");
        assertThat(badCursor.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(badLimit.body()).contains("limit");
        assertThat(empty.body()).isEqualTo("{\"events\":[],\"next_cursor\":null}");
        assertThat(get(port, admin, "/api/streaming/sessions/s-none/events").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldWriteAnOutputStateOnceHoweverOftenTheEngineRepeatsIt() throws Exception {
        String id = start();
        Instant now = Instant.now();
        int reads = CountingStores.sessionReads.get();
        int writes = CountingStores.sessionWrites.get();

        for (int i = 0; i < 100; i++) {
            control.onMediaEvent(new MediaEvent.OutputStateChanged("org-s", now.plusMillis(i), "d-yt", "live", null));
        }

        assertThat(CountingStores.sessionWrites.get() - writes).isEqualTo(1);
        assertThat(CountingStores.sessionReads.get() - reads).isEqualTo(1);
        assertThat(get(port, admin, "/api/streaming/sessions/" + id).body()).contains("\"state\":\"live\"");

        for (int i = 0; i < 10; i++) {
            control.onMediaEvent(new MediaEvent.OutputStateChanged("org-s", now.plusSeconds(1), "d-yt", "retrying",
                    "connection refused"));
        }

        assertThat(CountingStores.sessionWrites.get() - writes).isEqualTo(2);
        JsonNode session = json.readTree(get(port, admin, "/api/streaming/sessions/" + id).body());
        assertThat(session.path("destinations").get(0).path("state").asString()).isEqualTo("retrying");
        assertThat(session.path("error_logs")).hasSize(1);
    }

    @Test
    void shouldShowTheEnginesLiveFiguresWithoutWritingThemOnATimer() throws Exception {
        String id = start();
        long version = storedVersion(id);

        // the engine reports 123456 bytes for d-yt; the store keeps what the output was sent only when it stops
        assertThat(get(port, admin, "/api/streaming/status").body()).contains("\"bytes_sent\":123456");
        await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(9)).pollInterval(Duration.ofMillis(500))
                .until(() -> storedVersion(id) == version);
        post(port, admin, "/api/streaming/destinations/d-yt/stop");

        Map<String, AttributeValue> item = item(id);
        assertThat(item.get("destinations").l().getFirst().m().get("bytes_sent").s()).isEqualTo("123456");
    }

    @Test
    void shouldSendTheEnginesLiveBitrateToTheBrowserThatWatches() throws Exception {
        start();
        control.onMediaEvent(new MediaEvent.OutputStateChanged("org-s", Instant.now(), "d-yt", "live", null));
        StringBuffer received = new StringBuffer();
        http.sendAsync(request(port, admin, "/api/streaming/events").build(), HttpResponse.BodyHandlers.ofLines())
                .thenAccept(r -> r.body().forEach(received::append));

        // the stored session has no bitrate: only the backend's figures, sent every 5 s, carry 800 kbps
        await().atMost(Duration.ofSeconds(15)).until(() -> received.toString().contains("\"bandwidth_kbps\":800"));
    }

    @Test
    void shouldKeepTheSessionAndItsSwitchesAcrossARestartAndRestoreTheChannel() throws Exception {
        String id = start();
        Instant t0 = Instant.now();
        for (int i = 0; i < 3; i++) {
            String[] fromTo = FLAP[i];
            control.onMediaEvent(new MediaEvent.InputSwitched("org-s", t0.plusSeconds(i), fromTo[0], fromTo[1], "input_loss"));
        }
        StreamingApiTest.channelRunning.set(false); // the engine restarted too and forgot the channel
        standIns.peers().clear();

        String[] arguments = standIns.properties().entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new);
        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(StreamingControlApplication.class)
                .properties("server.port=0").run(arguments)) {
            int restartedPort = Integer.parseInt(restarted.getEnvironment().getProperty("local.server.port"));

            assertThat(standIns.peers().requests()).anyMatch(r -> r.method().equals("PUT")
                    && r.path().equals("/internal/engine/channels/org-s"));
            JsonNode status = json.readTree(get(restartedPort, admin, "/api/streaming/status").body());
            assertThat(status.path("session").path("session_id").asString()).isEqualTo(id);
            assertThat(status.path("session").path("status").asString()).isEqualTo("active");
            assertThat(status.path("session").path("switch_count").asInt()).isEqualTo(3);
            assertThat(status.path("session").path("error_logs").toString()).contains("channel restored after a restart");

            restarted.getBean(StreamingControlService.class).onMediaEvent(new MediaEvent.InputSwitched("org-s",
                    t0.plusSeconds(3), FLAP[3][0], FLAP[3][1], "input_loss"));
            JsonNode events = json.readTree(get(restartedPort, admin,
                    "/api/streaming/sessions/" + id + "/events").body()).path("events");
            assertThat(events).extracting(e -> e.path("to").asString())
                    .containsExactly("slate", "secondary", "slate", "primary");
        }
    }

    private String start() throws Exception {
        HttpResponse<String> started = http.send(request(port, admin, "/api/streaming/start")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"destination_ids\":[\"d-yt\"]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        return json.readTree(started.body()).path("session_id").asString();
    }

    private Map<String, AttributeValue> item(String id) {
        return dynamo.getItem(b -> b.tableName(SESSIONS).consistentRead(true)
                .key(Map.of("organization_id", AttributeValue.fromS("org-s"), "session_id", AttributeValue.fromS(id))))
                .item();
    }

    private long storedVersion(String id) {
        return Long.parseLong(item(id).get("version").n());
    }

    private static HttpResponse<String> post(int port, String token, String path) throws Exception {
        return http.send(request(port, token, path).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(int port, String token, String path) throws Exception {
        return http.send(request(port, token, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(int port, String token, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token);
    }
}
