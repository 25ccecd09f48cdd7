package io.lunora.streaming.inputs;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.identity.Group;
import io.lunora.streaming.testing.PeerStandIns;
import io.lunora.testing.RecordingHttpEndpoint.Recorded;
import io.lunora.testing.RecordingHttpEndpoint.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/sources/status} and {@code POST /api/sources/switch} in local mode, against
 * DynamoDB Local, with source-service and the engine recorded on loopback: the engine stand-in
 * runs a channel from the session's start to its stop, and the requests sent to it are asserted
 * exactly. (That the engine's own validation accepts them: system-tests' MediaEngineContractTest.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SourcesApiTest {
    @RegisterExtension
    static final PeerStandIns standIns = new PeerStandIns();
    static final AtomicBoolean channelRunning = new AtomicBoolean();
    static final AtomicReference<String> mode = new AtomicReference<>("auto_failover");
    /** What the engine answers a switch; null: 204 as a running engine does. */
    static final AtomicReference<Reply> switchReply = new AtomicReference<>();
    static final HttpClient http = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    DynamoDbClient dynamo;

    final String operator = standIns.issuer().userToken("otto", "org-src", Group.OPERATORS);
    final String admin = standIns.issuer().userToken("ada", "org-src", Group.ADMINS);

    @BeforeEach
    void peersAnswer() {
        dynamo.scan(b -> b.tableName("lunora-local-StreamSessions")).items().stream()
                .filter(item -> item.get("organization_id").s().equals("org-src"))
                .forEach(item -> dynamo.deleteItem(b -> b.tableName("lunora-local-StreamSessions").key(Map.of(
                        "organization_id", item.get("organization_id"), "session_id", item.get("session_id")))));
        channelRunning.set(false);
        mode.set("auto_failover");
        switchReply.set(null);
        standIns.peers().clear();
        standIns.peers().answer(SourcesApiTest::peer);
    }

    static Reply peer(Recorded r) {
        String path = r.path();
        if (path.startsWith("/internal/destinations/auto-start")) {
            return json(200, "[]");
        }
        if (path.startsWith("/internal/sources/config")) {
            return json(200, "{\"mode\":\"" + mode.get() + "\",\"failover_threshold\":2,\"failback\":\"stay\","
                    + "\"failback_after\":30,\"primary\":{\"name\":\"Videon A\",\"mode\":\"listener\",\"host\":\"0.0.0.0\","
                    + "\"port\":9998,\"latency_ms\":200,\"passphrase\":\"srt-Never-Shown-1234\"},\"secondary\":"
                    + ("single".equals(mode.get()) ? "null" : "{\"name\":\"Videon B\",\"mode\":\"listener\","
                            + "\"host\":\"0.0.0.0\",\"port\":9999,\"latency_ms\":200,\"passphrase\":null}") + "}");
        }
        if (path.equals("/internal/engine/channels/org-src")) {
            switch (r.method()) {
                case "PUT" -> channelRunning.set(true);
                case "DELETE" -> channelRunning.set(false);
                default -> {
                    return json(200, channelRunning.get() ? RUNNING : STOPPED);
                }
            }
            return new Reply(204, "application/json", "");
        }
        if (path.equals("/internal/engine/channels/org-src/inputs/primary/preview")) {
            return new Reply(200, "image/jpeg", PICTURE);
        }
        if (path.equals("/internal/engine/channels/org-src/inputs/secondary/preview")) {
            return new Reply(404, "application/problem+json", "{\"status\":404,\"title\":\"Not Found\"}");
        }
        if (path.equals("/internal/engine/channels/org-src/switch")) {
            Reply reply = switchReply.get();
            return reply != null ? reply : new Reply(204, "application/json", "");
        }
        if (path.startsWith("/internal/engine/events")) {
            return new Reply(200, "text/event-stream", "");
        }
        return json(200, "{}");
    }

    /** The engine's answer while the channel runs on the secondary: the primary's encoder is silent. */
    static final String RUNNING = """
            {"running":true,"kind":"channel","active_input":"secondary","on_air":"secondary","inputs":[
             {"input":"primary","name":"primary","connected":false,"bitrate_kbps":0,"last_packet_age_ms":4200,
              "continuity_errors":3,"uptime_seconds":0},
             {"input":"secondary","name":"secondary","connected":true,"bitrate_kbps":2500,"last_packet_age_ms":12,
              "continuity_errors":0,"uptime_seconds":95,"media":{"video_codec":"h264","width":1920,"height":1080,
              "frame_rate":29.97,"audio_codec":"aac","sample_rate_hz":48000,"audio_channels":"stereo"}}],"outputs":[]}""";
    static final String STOPPED = """
            {"running":false,"kind":null,"active_input":null,"on_air":null,"inputs":[],"outputs":[]}""";

    @Test
    void shouldShowNoChannelAndTheConfiguredModeBeforeStreaming() throws Exception {
        HttpResponse<String> status = call("GET", operator, "/api/sources/status", null);

        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(status.body())).isEqualTo(JSON.readTree("""
                {"channel_running":false,"redundancy_mode":"auto_failover","active_input":null,"health_known":true,
                 "notice":null,"sources":[]}"""));
    }

    @Test
    void shouldShowEachSourcesLiveStateWithItsConfiguredNameWhileTheChannelRuns() throws Exception {
        assertThat(call("POST", operator, "/api/streaming/start", "{}").statusCode()).isEqualTo(201);

        HttpResponse<String> status = call("GET", operator, "/api/sources/status", null);

        assertThat(status.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(status.body());
        assertThat(body.get("channel_running").asBoolean()).isTrue();
        assertThat(body.get("active_input").asString()).isEqualTo("secondary");
        assertThat(body.get("sources")).isEqualTo(JSON.readTree("""
                [{"role":"primary","name":"Videon A","active":false,"connected":false,"bitrate_kbps":0,
                  "last_packet_age_ms":4200,"continuity_errors":3,"uptime_seconds":0,"media":null},
                 {"role":"secondary","name":"Videon B","active":true,"connected":true,"bitrate_kbps":2500,
                  "last_packet_age_ms":12,"continuity_errors":0,"uptime_seconds":95,"media":{"video_codec":"h264",
                  "width":1920,"height":1080,"frame_rate":29.97,"audio_codec":"aac","sample_rate_hz":48000,
                  "audio_channels":"stereo"}}]"""));
        assertThat(status.body()).doesNotContain("srt-Never-Shown-1234");
        Recorded engineRead = standIns.peers().requests().stream().filter(r -> r.method().equals("GET")
                && r.path().equals("/internal/engine/channels/org-src")).findFirst().orElseThrow();
        assertThat(engineRead.header("Authorization")).startsWith("Bearer ");
    }

    @Test
    void shouldAskTheEngineToSwitchWithTheOperatorsWordsAndAnswer202() throws Exception {
        call("POST", operator, "/api/streaming/start", "{}");

        HttpResponse<String> switched = call("POST", operator, "/api/sources/switch",
                "{\"input\":\"primary\",\"reason\":\"manual switch by operator\"}");

        assertThat(switched.statusCode()).isEqualTo(202);
        // the engine switches on the next keyframe: nothing to add for the operator
        assertThat(switched.body()).isEqualTo("{\"input\":\"primary\",\"notice\":null}");
        Recorded post = only("POST", "/internal/engine/channels/org-src/switch");
        assertThat(post.body()).isEqualTo("{\"input\":\"primary\",\"reason\":\"manual switch by operator\"}");
        assertThat(post.header("Authorization")).startsWith("Bearer ");
    }

    @Test
    void shouldGiveTheEngineTheCallersNameWhenNoReasonIsGiven() throws Exception {
        call("POST", operator, "/api/streaming/start", "{}");

        HttpResponse<String> switched = call("POST", admin, "/api/sources/switch", "{\"input\":\"secondary\"}");

        assertThat(switched.statusCode()).isEqualTo(202);
        assertThat(only("POST", "/internal/engine/channels/org-src/switch").body())
                .isEqualTo("{\"input\":\"secondary\",\"reason\":\"manual switch by ada\"}");
    }

    /** Stands for a JPEG: the bytes must arrive as the engine wrote them. */
    static final String PICTURE = "JFIF-picture-of-the-primary";

    @Test
    void shouldAnswerAnInputsLatestPictureAsTheEngineWroteIt() throws Exception {
        HttpResponse<String> picture = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/sources/primary/preview")).header("Authorization", "Bearer " + operator)
                .header("Accept", "image/jpeg, application/problem+json").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(picture.statusCode()).as(picture.body()).isEqualTo(200);
        assertThat(picture.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(picture.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(picture.body()).isEqualTo(PICTURE);
    }

    @Test
    void shouldSayWhenAnInputHasNoPictureYetOrIsUnknown() throws Exception {
        HttpResponse<String> none = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/sources/secondary/preview")).header("Authorization", "Bearer " + operator)
                .header("Accept", "image/jpeg, application/problem+json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/sources/tertiary/preview")).header("Authorization", "Bearer " + operator)
                .header("Accept", "image/jpeg, application/problem+json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"field\":\"input\"");
    }

    @Test
    void shouldRefuseASwitchWhileNoInputRuns() throws Exception {
        HttpResponse<String> idle = call("POST", operator, "/api/sources/switch", "{\"input\":\"primary\"}");

        assertProblem(idle, 409, "No input of the organization runs on the media plane yet: save the source"
                + " configuration, or start streaming.");
        assertThat(switchesSent()).isEmpty();
    }

    @Test
    void shouldRefuseASwitchWithASingleInput() throws Exception {
        call("POST", operator, "/api/streaming/start", "{}");
        mode.set("single");

        HttpResponse<String> single = call("POST", operator, "/api/sources/switch", "{\"input\":\"secondary\"}");

        assertProblem(single, 409, "The source configuration has a single input: there is nothing to switch to.");
        assertThat(switchesSent()).isEmpty();
    }

    @Test
    void shouldNameTheFieldAtFaultOfABadSwitch() throws Exception {
        call("POST", operator, "/api/streaming/start", "{}");

        HttpResponse<String> unknown = call("POST", operator, "/api/sources/switch", "{\"input\":\"tertiary\"}");
        HttpResponse<String> missing = call("POST", operator, "/api/sources/switch", "{\"reason\":\"why not\"}");
        HttpResponse<String> tooLong = call("POST", operator, "/api/sources/switch",
                "{\"input\":\"primary\",\"reason\":\"" + "x".repeat(201) + "\"}");
        HttpResponse<String> control = call("POST", operator, "/api/sources/switch",
                "{\"input\":\"primary\",\"reason\":\"line one\\nline two\"}");

        assertField(unknown, "input", "must be primary or secondary");
        assertField(missing, "input", "must not be null");
        assertField(tooLong, "reason", "must be at most 200 characters");
        assertField(control, "reason", "must not contain control characters");
        assertThat(switchesSent()).isEmpty();
    }

    @Test
    void shouldAnswerTheEnginesOwnClientErrorWithItsStatusDetailAndField() throws Exception {
        call("POST", operator, "/api/streaming/start", "{}");
        switchReply.set(new Reply(404, "application/problem+json",
                "{\"type\":\"about:blank\",\"title\":\"Not found\",\"status\":404,\"detail\":\"channel 'org-src' not found\"}"));

        HttpResponse<String> gone = call("POST", operator, "/api/sources/switch", "{\"input\":\"primary\"}");

        assertProblem(gone, 404, "channel 'org-src' not found");
        switchReply.set(new Reply(400, "application/problem+json", """
                {"type":"https://lunora.live/problems/validation","title":"Invalid request","status":400,
                 "detail":"Field 'input': must be primary or secondary",
                 "errors":[{"field":"input","message":"must be primary or secondary"}]}"""));

        HttpResponse<String> refused = call("POST", operator, "/api/sources/switch", "{\"input\":\"primary\"}");

        assertField(refused, "input", "must be primary or secondary");
        assertThat(refused.body()).contains("\"type\":\"https://lunora.live/problems/validation\"");
    }

    @Test
    void shouldAnswer503WhenTheEngineFailsOrRefusesThisServicesToken() throws Exception {
        call("POST", operator, "/api/streaming/start", "{}");
        for (Reply failure : List.of(new Reply(500, "text/plain", "down"),
                new Reply(401, "application/problem+json", "{\"status\":401,\"detail\":\"token\"}"),
                new Reply(409, "text/html", "<html>proxy</html>"))) {
            switchReply.set(failure);

            HttpResponse<String> answer = call("POST", operator, "/api/sources/switch", "{\"input\":\"primary\"}");

            assertThat(answer.statusCode()).as(failure.toString()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(answer.body()).doesNotContain("proxy", "token");
        }
        standIns.peers().answer(answeringWith(r -> r.path().equals("/internal/engine/channels/org-src")
                ? new Reply(502, "text/plain", "bad gateway") : null));

        HttpResponse<String> status = call("GET", operator, "/api/sources/status", null);

        assertThat(status.statusCode()).isEqualTo(503);
        assertThat(status.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void shouldKeepViewersAway() throws Exception {
        String viewer = standIns.issuer().userToken("vic", "org-src", Group.FREE);

        assertThat(call("GET", viewer, "/api/sources/status", null).statusCode()).isEqualTo(403);
        assertThat(call("POST", viewer, "/api/sources/switch", "{\"input\":\"primary\"}").statusCode()).isEqualTo(403);
        assertThat(call("GET", operator, "/api/sources/config", null).statusCode())
                .as("the configuration is source-service's").isEqualTo(403);
        assertThat(switchesSent()).isEmpty();
    }

    static Reply json(int status, String body) {
        return new Reply(status, "application/json", body);
    }

    /** The usual peer, except where {@code override} answers. */
    static Function<Recorded, Reply> answeringWith(Function<Recorded, Reply> override) {
        return r -> {
            Reply reply = override.apply(r);
            return reply != null ? reply : peer(r);
        };
    }

    private List<Recorded> switchesSent() {
        return standIns.peers().requests().stream().filter(r -> r.path().endsWith("/switch")).toList();
    }

    private Recorded only(String method, String path) {
        List<Recorded> matching = standIns.peers().requests().stream()
                .filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    private static void assertProblem(HttpResponse<String> answer, int status, String detail) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(answer.body()).get("detail").asString()).isEqualTo(detail);
    }

    private static void assertField(HttpResponse<String> answer, String field, String message) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(answer.body()).get("errors")).isEqualTo(JSON.readTree(
                "[{\"field\":\"" + field + "\",\"message\":\"" + message + "\"}]"));
    }

    private HttpResponse<String> call(String method, String token, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
