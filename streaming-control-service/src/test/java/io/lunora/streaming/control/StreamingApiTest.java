package io.lunora.streaming.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.model.identity.Group;
import io.lunora.streaming.media.MediaEvent;
import io.lunora.streaming.testing.EngineAnswers;
import io.lunora.streaming.testing.PeerStandIns;
import io.lunora.testing.RecordingHttpEndpoint.Recorded;
import io.lunora.testing.RecordingHttpEndpoint.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The streaming API against DynamoDB Local, with destination, preset, source and engine
 * endpoints recorded on loopback: the requests this service sends them are asserted exactly.
 * (The end-to-end test with the real services and a real engine lives in system-tests.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class StreamingApiTest {
    static final String KEY = "yt-key-abcd-efgh-SECRET-9876";
    @RegisterExtension
    static final PeerStandIns standIns = new PeerStandIns();
    static final AtomicBoolean channelRunning = new AtomicBoolean();
    static final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    DynamoDbClient dynamo;
    @Autowired
    StreamingControlService control;

    final String operator = standIns.issuer().userToken("otto", "org-s", Group.OPERATORS);

    @BeforeEach
    void peersAnswer() {
        dynamo.scan(b -> b.tableName("lunora-local-StreamSessions")).items().forEach(item -> dynamo.deleteItem(b -> b
                .tableName("lunora-local-StreamSessions").key(Map.of("organization_id", item.get("organization_id"),
                        "session_id", item.get("session_id")))));
        channelRunning.set(false);
        standIns.peers().clear();
        standIns.peers().answer(StreamingApiTest::peer);
    }

    static Reply peer(Recorded r) {
        String path = r.path();
        if (path.startsWith("/internal/destinations/auto-start")) {
            return json("[" + target("d-yt", true) + "]");
        }
        if (path.startsWith("/internal/destinations/d-yt/target")) {
            return json(target("d-yt", true));
        }
        if (path.startsWith("/internal/destinations/d-off/target")) {
            return json(target("d-off", false));
        }
        if (path.startsWith("/internal/destinations/")) {
            return new Reply(404, "application/problem+json", "{\"status\":404}");
        }
        if (path.startsWith("/internal/presets/p-small")) {
            return json("{\"preset_id\":\"p-small\",\"platform\":\"custom\",\"name\":\"Small\",\"built_in\":false,"
                    + "\"video\":{\"resolution\":\"640x360\",\"frame_rate\":30,\"bitrate_kbps\":800,\"codec\":\"h264\","
                    + "\"profile\":\"main\",\"keyframe_interval_seconds\":2,\"b_frames\":0},"
                    + "\"audio\":{\"codec\":\"aac\",\"bitrate_kbps\":96,\"sample_rate_hz\":48000,\"channels\":\"stereo\"},"
                    + "\"advanced\":{\"gop_size_frames\":60,\"rate_control\":\"cbr\",\"buffer_size_kbps\":1600}}");
        }
        if (path.startsWith("/internal/sources/config")) {
            return json("{\"mode\":\"auto_failover\",\"failover_threshold\":2,\"failback\":\"stay\",\"failback_after\":30,"
                    + "\"primary\":{\"name\":\"Videon A\",\"mode\":\"listener\",\"host\":\"0.0.0.0\",\"port\":9998,"
                    + "\"latency_ms\":200,\"passphrase\":null},"
                    + "\"secondary\":{\"name\":\"Videon B\",\"mode\":\"listener\",\"host\":\"0.0.0.0\",\"port\":9999,"
                    + "\"latency_ms\":200,\"passphrase\":null}}");
        }
        if (path.startsWith("/internal/engine/channels/org-s") && r.method().equals("PUT") && !path.contains("outputs")) {
            channelRunning.set(true);
        }
        if (path.equals("/internal/engine/channels/org-s/session") && r.method().equals("DELETE")) {
            channelRunning.set(false);
        }
        if (path.equals("/internal/engine/channels/org-s") && r.method().equals("GET")) {
            return json(channelRunning.get() ? EngineAnswers.channel(true, EngineAnswers.output("d-yt", "live", 800,
                    123456, null)) : EngineAnswers.channel(false));
        }
        if (path.startsWith("/internal/engine/events")) {
            return new Reply(200, "text/event-stream", "");
        }
        return json("{}");
    }

    static String target(String id, boolean enabled) {
        return "{\"destination_id\":\"" + id + "\",\"organization_id\":\"org-s\",\"name\":\"YouTube\","
                + "\"platform\":\"youtube\",\"rtmp_url\":\"rtmp://a.rtmp.youtube.com/live2\",\"stream_key\":\"" + KEY
                + "\",\"preset_id\":\"p-small\",\"enabled\":" + enabled + ",\"auto_start\":true,\"recording_backup\":false,\"priority\":false,"
                + "\"owner_id\":\"user-otto\"}";
    }

    static Reply json(String body) {
        return new Reply(200, "application/json", body);
    }

    @Test
    void shouldStartASessionThatDrivesTheEngineWithTheDestinationsKeyAndPreset(CapturedOutput output) throws Exception {
        HttpResponse<String> started = post(operator, "/api/streaming/start", "{}");

        assertThat(started.statusCode()).isEqualTo(201);
        assertThat(started.body()).contains("\"status\":\"active\"", "\"destination_id\":\"d-yt\"",
                "\"state\":\"connecting\"").doesNotContain(KEY);
        Recorded channel = only("PUT", "/internal/engine/channels/org-s");
        assertThat(channel.body()).contains("\"organization_id\":\"org-s\"", "\"failover_threshold\":2",
                "\"port\":9998", "\"port\":9999", "\"recording\":false");
        Recorded out = only("PUT", "/internal/engine/channels/org-s/outputs/d-yt");
        assertThat(out.body()).contains("\"target\":{\"url\":\"rtmp://a.rtmp.youtube.com/live2\",\"stream_key\":\"" + KEY + "\"}",
                "\"resolution\":\"640x360\"");
        assertThat(out.header("Authorization")).startsWith("Bearer ");
        assertThat(output.getAll()).doesNotContain(KEY);
    }

    @Test
    void shouldTellTheViewerCatalogWhenTheSessionGoesLiveAndWhenItEnds() throws Exception {
        String id = idOf(post(operator, "/api/streaming/start", """
                {"stream_id":"tech-talk","catalog":{"title":"Tech Talk #12","description":"Q&A after the demo",
                 "category":"science"}}""").body());
        post(operator, "/api/streaming/stop", null);

        List<Recorded> events = standIns.peers().requests().stream()
                .filter(r -> r.path().equals("/internal/catalog/sessions")).toList();
        assertThat(events).hasSize(2);
        assertThat(events.get(0).body()).contains("\"stream_id\":\"tech-talk\"", "\"session_id\":\"" + id + "\"",
                "\"is_live\":true", "\"hls_url\":\"/hls/org-s/master.m3u8\"", "\"creator_id\":\"otto\"",
                "\"catalog\":{\"title\":\"Tech Talk #12\",\"description\":\"Q&A after the demo\",\"category\":\"science\"}");
        assertThat(events.get(1).body()).contains("\"stream_id\":\"tech-talk\"", "\"is_live\":false");
        assertThat(events.get(0).header("Authorization")).startsWith("Bearer ");
    }

    @Test
    void shouldAnswerTheOpenSessionWhenStartedTwice() throws Exception {
        String first = post(operator, "/api/streaming/start", "{}").body();

        HttpResponse<String> second = post(operator, "/api/streaming/start", "{}");

        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(idOf(second.body())).isEqualTo(idOf(first));
        assertThat(standIns.peers().requests().stream().filter(r -> r.method().equals("PUT")
                && r.path().equals("/internal/engine/channels/org-s"))).hasSize(1);
    }

    @Test
    void shouldStopOneDestinationAndKeepTheSessionLive() throws Exception {
        post(operator, "/api/streaming/start", "{\"destination_ids\":[\"d-yt\"]}");

        HttpResponse<String> stopped = post(operator, "/api/streaming/destinations/d-yt/stop", null);
        HttpResponse<String> again = post(operator, "/api/streaming/destinations/d-yt/start", null);

        assertThat(stopped.statusCode()).isEqualTo(200);
        assertThat(stopped.body()).contains("\"status\":\"active\"", "\"state\":\"stopped\"", "\"active_destinations\":[]");
        only("DELETE", "/internal/engine/channels/org-s/outputs/d-yt");
        assertThat(again.body()).contains("\"state\":\"connecting\"", "\"active_destinations\":[\"d-yt\"]");
        assertThat(standIns.peers().requests().stream().filter(r -> r.path().equals("/internal/engine/channels/org-s")
                && r.method().equals("DELETE"))).isEmpty();
    }

    @Test
    void shouldPauseAllDestinationsOnTheSlateAndResumeWithoutStoppingAny() throws Exception {
        HttpResponse<String> nothingLive = post(operator, "/api/streaming/pause", null);
        assertThat(nothingLive.statusCode()).isEqualTo(409);
        assertThat(nothingLive.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        post(operator, "/api/streaming/start", "{\"destination_ids\":[\"d-yt\"]}");
        standIns.peers().clear();

        assertThat(post(operator, "/api/streaming/pause", null).statusCode()).isEqualTo(204);
        only("PUT", "/internal/engine/channels/org-s/pause");
        standIns.peers().clear();
        assertThat(post(operator, "/api/streaming/resume", null).statusCode()).isEqualTo(204);
        only("DELETE", "/internal/engine/channels/org-s/pause");
        assertThat(standIns.peers().requests()).as("no output stopped or started").noneMatch(r -> r.path().contains("/outputs/"));
        assertThat(post(standIns.issuer().userToken("olga", "org-s", Group.OPERATORS), "/api/streaming/pause", null).statusCode())
                .as("another operator's session is not theirs to pause").isEqualTo(409);
    }

    @Test
    void shouldStopTheSessionAndKeepItInHistory() throws Exception {
        String id = idOf(post(operator, "/api/streaming/start", "{}").body());

        HttpResponse<String> stopped = post(operator, "/api/streaming/stop", null);
        HttpResponse<String> stoppedAgain = post(operator, "/api/streaming/stop", null);
        HttpResponse<String> history = get(operator, "/api/streaming/sessions");

        assertThat(stopped.body()).contains("\"status\":\"stopped\"");
        assertThat(stoppedAgain.statusCode()).isEqualTo(200);
        // the session ends; the inputs stay warm for the next one
        only("DELETE", "/internal/engine/channels/org-s/session");
        assertThat(standIns.peers().requests()).noneMatch(r -> r.method().equals("DELETE")
                && r.path().equals("/internal/engine/channels/org-s"));
        assertThat(history.body()).contains(id, "\"status\":\"stopped\"");
        assertThat(get(operator, "/api/streaming/sessions/" + id).statusCode()).isEqualTo(200);
        String otherOrg = standIns.issuer().userToken("eve", "org-other", Group.ADMINS);
        assertThat(get(otherOrg, "/api/streaming/sessions/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldKeepEachDestinationsCountersFromTheEngineInTheLiveSessionAndTheHistory() throws Exception {
        String id = idOf(post(operator, "/api/streaming/start", "{\"destination_ids\":[\"d-yt\"]}").body());

        await().atMost(Duration.ofSeconds(15)).until(() -> get(operator, "/api/streaming/status").body()
                .contains("\"bytes_sent\":123456"));
        HttpResponse<String> stopped = post(operator, "/api/streaming/stop", null);

        assertThat(stopped.body()).contains("\"bytes_sent\":123456");
        assertThat(get(operator, "/api/streaming/sessions/" + id).body()).contains("\"bytes_sent\":123456");
    }

    @Test
    void shouldRecordFailoversButNotTheFirstInputGoingOnAir() throws Exception {
        String id = idOf(post(operator, "/api/streaming/start", "{\"destination_ids\":[\"d-yt\"]}").body());
        Instant now = Instant.now();

        control.onMediaEvent(new MediaEvent.InputSwitched("org-s", now, "slate", "primary", "signal_restored"));
        String afterStart = get(operator, "/api/streaming/sessions/" + id).body();
        control.onMediaEvent(new MediaEvent.InputSwitched("org-s", now.plusSeconds(5), "primary", "slate", "signal_lost"));
        control.onMediaEvent(new MediaEvent.InputSwitched("org-s", now.plusSeconds(7), "slate", "secondary", "input_loss"));
        String afterFailover = get(operator, "/api/streaming/sessions/" + id).body();

        assertThat(afterStart).contains("\"failover_events\":[]", "\"active_input\":\"primary\"");
        assertThat(afterFailover).contains("\"active_input\":\"secondary\"", "\"from\":\"primary\",\"to\":\"slate\"",
                "\"from\":\"slate\",\"to\":\"secondary\"").doesNotContain("\"to\":\"primary\"");
    }

    @Test
    void shouldRefuseUnknownOrDisabledDestinationsAndStartNothing() throws Exception {
        HttpResponse<String> unknown = post(operator, "/api/streaming/start", "{\"destination_ids\":[\"d-none\"]}");
        HttpResponse<String> disabled = post(operator, "/api/streaming/start", "{\"destination_ids\":[\"d-off\"]}");
        HttpResponse<String> malformed = post(operator, "/api/streaming/start", "{\"destination_ids\":[\"../x\"]}");
        HttpResponse<String> badCategory = post(operator, "/api/streaming/start",
                "{\"catalog\":{\"title\":\"ok\",\"category\":\"Music!\"}}");
        HttpResponse<String> overriddenTitle = post(operator, "/api/streaming/start",
                "{\"catalog\":{\"title\":\"evil\\u202Egnp.exe\"}}");

        for (HttpResponse<String> r : List.of(unknown, disabled, malformed)) {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("destination_ids");
        }
        assertThat(badCategory.statusCode()).isEqualTo(400);
        assertThat(badCategory.body()).contains("\"field\":\"catalog.category\"");
        assertThat(overriddenTitle.statusCode()).isEqualTo(400);
        assertThat(overriddenTitle.body()).contains("\"field\":\"catalog.title\"");
        assertThat(standIns.peers().requests().stream().filter(r -> r.path().startsWith("/internal/engine/channels"))).isEmpty();
        assertThat(get(operator, "/api/streaming/sessions").body()).isEqualTo("[]");
    }

    @Test
    void shouldBoundOperatorSessionsToTheMaximumDuration() throws Exception {
        String body = post(operator, "/api/streaming/start", "{}").body();
        String adminBody;
        post(operator, "/api/streaming/stop", null);
        adminBody = post(standIns.issuer().userToken("ada", "org-s", Group.ADMINS), "/api/streaming/start", "{}").body();

        assertThat(body).contains("\"stop_deadline\":\"");
        assertThat(adminBody).contains("\"stop_deadline\":null");
    }

    @Test
    void shouldRestoreAnOpenSessionsChannelWhenTheEngineLostItAcrossARestart() throws Exception {
        post(operator, "/api/streaming/start", "{\"destination_ids\":[\"d-yt\"]}");
        channelRunning.set(false); // the engine restarted and forgot the channel
        standIns.peers().clear();

        control.reconcile();

        only("PUT", "/internal/engine/channels/org-s");
        assertThat(only("PUT", "/internal/engine/channels/org-s/outputs/d-yt").body())
                .contains("\"target\":{\"url\":\"rtmp://a.rtmp.youtube.com/live2\",\"stream_key\":\"" + KEY + "\"}");
        HttpResponse<String> status = get(operator, "/api/streaming/status");
        assertThat(status.body()).contains("\"status\":\"active\"", "channel restored after a restart")
                .doesNotContain(KEY);
    }

    @Test
    void shouldLeaveARunningChannelAloneWhenReconciling() throws Exception {
        post(operator, "/api/streaming/start", "{}");
        standIns.peers().clear();

        control.reconcile();

        assertThat(standIns.peers().requests().stream().filter(r -> r.method().equals("PUT"))).isEmpty();
    }

    @Test
    void shouldReportHealthFromTheEngine() throws Exception {
        post(operator, "/api/streaming/start", "{}");

        HttpResponse<String> overall = get(operator, "/api/health/overall");

        assertThat(overall.statusCode()).isEqualTo(200);
        assertThat(overall.body()).contains("\"medialive\":{\"status\":\"ok\",\"reachable\":true");
    }

    @Test
    void shouldLetOnlyOperatorsAndAdminsIn() throws Exception {
        String viewer = standIns.issuer().userToken("vic", "org-s", Group.PREMIUM);

        assertThat(post(viewer, "/api/streaming/start", "{}").statusCode()).isEqualTo(403);
        assertThat(get(viewer, "/api/health/overall").statusCode()).isEqualTo(403);
        assertThat(get(null, "/api/streaming/status").statusCode()).isEqualTo(401);
    }

    @Test
    void shouldStreamLiveStateToTheBrowser() throws Exception {
        HttpRequest events = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/streaming/events"))
                .header("Authorization", "Bearer " + operator).build();
        StringBuffer received = new StringBuffer();
        http.sendAsync(events, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(r -> r.body().forEach(received::append));
        await().atMost(Duration.ofSeconds(5)).until(() -> received.toString().contains("\"status\":\"none\""));

        post(operator, "/api/streaming/start", "{}");

        await().atMost(Duration.ofSeconds(5)).until(() -> received.toString().contains("\"status\":\"active\""));
        assertThat(received.toString()).doesNotContain(KEY);
    }

    private Recorded only(String method, String path) {
        List<Recorded> matching = standIns.peers().requests().stream()
                .filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
        assertThat(matching).as(method + " " + path).hasSize(1);
        return matching.get(0);
    }

    private static String idOf(String body) {
        int at = body.indexOf("\"session_id\":\"") + 14;
        return body.substring(at, body.indexOf('"', at));
    }

    private HttpResponse<String> post(String token, String path, String body) throws Exception {
        HttpRequest.Builder b = request(token, path).header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String token, String path) throws Exception {
        return http.send(request(token, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String token, String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }
}
