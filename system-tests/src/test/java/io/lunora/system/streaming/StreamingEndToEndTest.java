package io.lunora.system.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.testing.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 5's end-to-end evidence on the real stack started by {@code ./lunora}, every call through
 * the gateway with real tokens: an admin sets automatic failover between two SRT listeners and a
 * custom preset and invites an operator; the operator creates three destinations with stream keys
 * pointing at three loopback RTMP receivers and streams to them from two test-pattern encoders;
 * one destination is stopped and started while live; the primary encoder dies and the failover
 * shows in the live status, the event stream, the source status and the session history; after
 * the stack is stopped and started again the history and the destinations are still there. No
 * answer, event or log line of the whole run shows a stream key. One stack life for the class;
 * each test is one phase of it, in order.
 */
@EnabledOnOs(OS.LINUX)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StreamingEndToEndTest {
    static final Map<String, String> KEYS = new LinkedHashMap<>(Map.of("a", "live-key-a-5d1f9c7e2b",
            "b", "live-key-b-8e3a6f0d4c", "c", "live-key-c-2b7d4e9a1f"));

    @TempDir
    static Path home;
    @TempDir
    static Path media;

    RunningStack stack;
    GatewayApi api;
    StackUsers users;
    StackUsers.User admin;
    StackUsers.User operator;
    final int primaryPort = FreePorts.next();
    final int secondaryPort = FreePorts.next();
    final Map<String, Integer> receiverPorts = new LinkedHashMap<>();
    final Map<String, String> destinationIds = new LinkedHashMap<>();
    final Map<String, RecordingReceiver> receivers = new LinkedHashMap<>();
    final List<RecordingReceiver> everyReceiver = new ArrayList<>();
    String presetId;
    String sessionId;
    List<String> events;
    SrtTestSource primary;
    SrtTestSource secondary;
    long allLiveAt;

    @BeforeAll
    void startTheStack() {
        stack = StreamingStack.start(home);
        api = stack.api();
        users = stack.users();
        KEYS.keySet().forEach(k -> receiverPorts.put(k, FreePorts.next()));
    }

    @AfterAll
    void stopEverything() {
        Stream.of(primary, secondary).filter(java.util.Objects::nonNull).forEach(SrtTestSource::close);
        receivers.values().forEach(RecordingReceiver::close);
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void shouldLetTheAdminSetFailoverSourcesAndACustomPresetAndInviteAnOperator() {
        admin = users.onboardAdmin("Streaming-Admin-Chosen-42");

        GatewayApi.Answer saved = StreamingStack.saveSources(api, admin.token, primaryPort, secondaryPort);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        JsonNode config = api.get(admin.token, "/api/sources/config").json();
        assertThat(config.path("redundancy_mode").asString()).isEqualTo("auto_failover");
        assertThat(config.path("failover_threshold").asInt()).isEqualTo(2);
        assertThat(config.path("primary_source").path("port").asInt()).isEqualTo(primaryPort);
        assertThat(config.path("secondary_source").path("port").asInt()).isEqualTo(secondaryPort);

        GatewayApi.Answer preset = api.post(admin.token, "/api/presets", StreamingStack.PRESET_JSON);
        assertThat(preset.status()).as(preset.body()).isEqualTo(201);
        presetId = preset.json().path("preset_id").asString();

        operator = users.inviteOperator(api, admin, "opal", "Streaming-Operator-Chosen-7");
        assertThat(api.put(operator.token, "/api/sources/config",
                StreamingStack.sourceConfiguration(primaryPort, secondaryPort, null)).status()).isEqualTo(403);
    }

    @Test
    @Order(2)
    void shouldLetTheOperatorCreateThreeDestinationsWhoseKeysShowMasked() {
        for (var key : KEYS.entrySet()) {
            GatewayApi.Answer created = api.post(operator.token, "/api/destinations", """
                    {"name":"Receiver %s","platform":"custom","rtmp_url":"rtmp://127.0.0.1:%d/live","stream_key":"%s",
                     "preset_id":"%s","enabled":true,"auto_start":false,"recording_backup":false,"priority":false}"""
                    .formatted(key.getKey().toUpperCase(), receiverPorts.get(key.getKey()), key.getValue(), presetId));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            JsonNode destination = created.json();
            assertThat(destination.path("has_key").asBoolean()).isTrue();
            assertThat(destination.path("stream_key_masked").asString()).contains("*");
            destinationIds.put(key.getKey(), destination.path("destination_id").asString());
        }
        JsonNode list = api.get(operator.token, "/api/destinations").json();
        assertThat(list.findValuesAsString("destination_id")).containsAll(destinationIds.values());
    }

    @Test
    @Order(3)
    void shouldStreamToEveryReceiverOnItsOwnKey() {
        KEYS.forEach((id, key) -> receivers.put(id, listen(id, key, "")));
        events = api.follow(operator.token, "/api/streaming/events");
        await().atMost(Duration.ofSeconds(10)).until(() -> !events.isEmpty());

        GatewayApi.Answer started = api.post(operator.token, "/api/streaming/start",
                "{\"destination_ids\":[\"" + String.join("\",\"", destinationIds.values()) + "\"],\"recording\":false}");

        assertThat(started.status()).as(started.body()).isEqualTo(201);
        sessionId = started.json().path("session_id").asString();
        primary = SrtTestSource.call(primaryPort, media.resolve("primary.log"));
        secondary = SrtTestSource.call(secondaryPort, media.resolve("secondary.log"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> states(status()).equals(List.of("live", "live", "live")));
        allLiveAt = System.nanoTime();
        JsonNode status = status();
        assertThat(status.path("channel").path("running").asBoolean()).isTrue();
        assertThat(status.path("channel").path("active_input").asString()).isEqualTo("primary");
        assertThat(status.path("channel").path("outputs").findValuesAsString("state")).containsOnly("live");
        assertThat(status.path("session").path("session_id").asString()).isEqualTo(sessionId);
        assertThat(status.path("session").path("failover_events")).as("going on air is no failover").isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> events.stream()
                .anyMatch(e -> e.contains(sessionId) && e.contains("\"state\":\"live\"")));
        assertThat(receivers.values()).allMatch(RecordingReceiver::isAlive);
        // the engine's counters reach the session record: every destination is sent something
        await().atMost(Duration.ofSeconds(20)).until(() -> status().path("session").path("destinations")
                .findValues("bytes_sent").stream().allMatch(b -> b.asLong() > 0));
        assertThat(status().path("session").path("bandwidth_kbps").asInt()).isPositive();
        // some seconds of video in every recording before anything changes
        await().pollDelay(Duration.ofSeconds(6)).until(() -> true);
    }

    @Test
    @Order(4)
    void shouldStopAndStartOneDestinationWhileTheOthersKeepStreaming() {
        String b = destinationIds.get("b");
        GatewayApi.Answer stopped = api.post(operator.token, "/api/streaming/destinations/" + b + "/stop", null);

        assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> !receivers.get("b").isAlive());
        JsonNode status = status();
        assertThat(destination(status, "b").path("state").asString()).isEqualTo("stopped");
        assertThat(destination(status, "a").path("state").asString()).isEqualTo("live");
        assertThat(destination(status, "c").path("state").asString()).isEqualTo("live");
        assertThat(receivers.get("a").isAlive()).isTrue();
        assertThat(receivers.get("c").isAlive()).isTrue();
        long before = output(status, "a").path("bytes_sent").asLong();
        await().atMost(Duration.ofSeconds(10)).until(() -> output(status(), "a").path("bytes_sent").asLong() > before);

        receivers.put("b", listen("b", KEYS.get("b"), "-again"));
        GatewayApi.Answer restarted = api.post(operator.token, "/api/streaming/destinations/" + b + "/start", null);

        assertThat(restarted.status()).as(restarted.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> states(status()).equals(List.of("live", "live", "live")));
        assertThat(receivers.values()).allMatch(RecordingReceiver::isAlive);
        await().pollDelay(Duration.ofSeconds(4)).until(() -> true);
    }

    @Test
    @Order(5)
    void shouldFailOverToTheSecondaryWhenThePrimaryEncoderDies() {
        primary.kill();

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> "secondary".equals(status().path("channel").path("active_input").asString()));
        await().atMost(Duration.ofSeconds(10)).until(() -> "secondary".equals(
                status().path("session").path("source_config").path("active_input").asString()));
        JsonNode failovers = status().path("session").path("failover_events");
        assertThat(failovers.findValuesAsString("from")).first().isEqualTo("primary");
        assertThat(failovers.findValuesAsString("to")).last().isEqualTo("secondary");
        await().atMost(Duration.ofSeconds(10)).until(() -> events.stream()
                .anyMatch(e -> e.contains("\"last_failover\":{") && e.contains("\"to\":\"secondary\"")));
        JsonNode sources = api.get(operator.token, "/api/sources/status").json();
        assertThat(sources.path("active_input").asString()).isEqualTo("secondary");
        for (JsonNode source : sources.path("sources")) {
            boolean isPrimary = source.path("role").asString().equals("primary");
            assertThat(source.path("connected").asBoolean()).as(source.toString()).isEqualTo(!isPrimary);
            assertThat(source.path("active").asBoolean()).as(source.toString()).isEqualTo(!isPrimary);
        }
        assertThat(states(status())).containsOnly("live");
        assertThat(receivers.values()).allMatch(RecordingReceiver::isAlive);
        await().pollDelay(Duration.ofSeconds(4)).until(() -> true);
    }

    @Test
    @Order(6)
    void shouldStopTheSessionAndDeliverThePresetsPictureToEveryKey() {
        GatewayApi.Answer stopped = api.post(operator.token, "/api/streaming/stop", null);
        double wallSeconds = (System.nanoTime() - allLiveAt) / 1e9;

        assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
        assertThat(stopped.json().path("status").asString()).isEqualTo("stopped");
        await().atMost(Duration.ofSeconds(15)).until(() -> receivers.values().stream().noneMatch(RecordingReceiver::isAlive));
        assertThat(status().path("channel").path("running").asBoolean()).isFalse();
        for (RecordingReceiver receiver : everyReceiver) {
            Path recording = receiver.recording();
            assertThat(receiver.publishedOnItsKey()).as("%s got its stream on its own key", recording).isTrue();
            VideoProbe probe = VideoProbe.of(recording);
            assertThat(probe.codec()).as("%s", recording).isEqualTo("h264");
            assertThat(probe.resolution()).as("%s", recording).isEqualTo("1280x720");
            assertThat(probe.seconds()).as("%s", recording).isGreaterThan(3);
            // the measured speed of the machine: stream seconds recorded against the wall-clock time live
            System.out.printf("%s: %d frames in %.1f s of stream (%.1f fps); %.1f s wall clock from all live to stop%n",
                    recording.getFileName(), probe.frames(), probe.seconds(), probe.frames() / probe.seconds(), wallSeconds);
        }
        JsonNode session = history(operator).get(0);
        assertThat(session.path("session_id").asString()).isEqualTo(sessionId);
        assertThat(session.path("status").asString()).isEqualTo("stopped");
        assertThat(session.path("failover_events").findValuesAsString("to")).contains("secondary");
        assertThat(session.path("destinations").findValuesAsString("destination_id"))
                .containsExactlyInAnyOrderElementsOf(destinationIds.values());
        assertThat(session.path("source_config").path("redundancy_mode").asString()).isEqualTo("auto_failover");
        assertThat(session.path("destinations").findValues("bytes_sent")).allMatch(b -> b.asLong() > 100_000);
    }

    @Test
    @Order(7)
    void shouldKeepTheSessionHistoryAndTheDestinationsAcrossARestartOfTheStack() {
        assertThat(stack.launcher().run("", "down").exitCode()).isZero();
        StreamingStack.up(stack.launcher());

        users.signInAgain(operator);
        users.signInAgain(admin);

        for (StackUsers.User user : List.of(operator, admin)) {
            JsonNode session = history(user).get(0);
            assertThat(session.path("session_id").asString()).isEqualTo(sessionId);
            assertThat(session.path("status").asString()).isEqualTo("stopped");
            assertThat(session.path("failover_events").findValuesAsString("to")).contains("secondary");
        }
        JsonNode destinations = api.get(operator.token, "/api/destinations").json();
        assertThat(destinations.findValuesAsString("destination_id")).containsAll(destinationIds.values());
        assertThat(destinations.findValues("has_key")).allMatch(JsonNode::asBoolean);
        assertThat(status().path("session").isNull()).isTrue();
    }

    @Test
    @Order(8)
    void shouldShowNoStreamKeyInAnyAnswerEventOrLogLine() throws IOException {
        List<String> seen = api.seen();
        assertThat(seen).hasSizeGreaterThan(20);
        List<Path> logs;
        try (Stream<Path> files = Files.walk(home.resolve("logs"))) {
            logs = files.filter(Files::isRegularFile).toList();
        }
        assertThat(logs).isNotEmpty();
        for (String key : KEYS.values()) {
            assertThat(seen).noneMatch(text -> text.contains(key));
            for (Path log : logs) {
                assertThat(Files.readString(log)).as("%s", log).doesNotContain(key);
            }
        }
    }

    private RecordingReceiver listen(String id, String key, String suffix) {
        RecordingReceiver receiver = RecordingReceiver.listen(receiverPorts.get(id), key, media.resolve(id + suffix + ".flv"));
        everyReceiver.add(receiver);
        return receiver;
    }

    private JsonNode status() {
        GatewayApi.Answer answer = api.get(operator.token, "/api/streaming/status");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private List<JsonNode> history(StackUsers.User user) {
        GatewayApi.Answer answer = api.get(user.token, "/api/streaming/sessions");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<JsonNode> sessions = new ArrayList<>();
        answer.json().forEach(sessions::add);
        assertThat(sessions).isNotEmpty();
        return sessions;
    }

    /** The states of the session's destinations a, b, c, in that order. */
    private List<String> states(JsonNode status) {
        return destinationIds.keySet().stream().map(k -> destination(status, k).path("state").asString("absent")).toList();
    }

    private JsonNode destination(JsonNode status, String key) {
        return find(status.path("session").path("destinations"), destinationIds.get(key));
    }

    private JsonNode output(JsonNode status, String key) {
        return find(status.path("channel").path("outputs"), destinationIds.get(key));
    }

    private static JsonNode find(JsonNode list, String destinationId) {
        for (JsonNode item : list) {
            if (destinationId.equals(item.path("destination_id").asString())) {
                return item;
            }
        }
        return tools.jackson.databind.node.MissingNode.getInstance();
    }
}
