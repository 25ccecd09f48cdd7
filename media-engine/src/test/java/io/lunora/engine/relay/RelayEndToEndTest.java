package io.lunora.engine.relay;

import static io.lunora.engine.testing.ChannelBodies.channel;
import static io.lunora.engine.testing.ChannelBodies.output;
import static io.lunora.engine.testing.ChannelBodies.preset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.engine.process.ChildPool;
import io.lunora.engine.testing.EngineApi;
import io.lunora.engine.testing.InProcessEngine;
import io.lunora.engine.testing.Probe;
import io.lunora.engine.testing.RtmpReceiver;
import io.lunora.engine.testing.TestSource;
import io.lunora.testing.FreePorts;
import io.lunora.testing.TestIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Relay mode end to end, with FFmpeg playing MediaLive: two SRT callers push encoded renditions
 * (H.264 + AAC in MPEG-TS, encrypted) to the relay's listeners, and three RTMP receivers get
 * copies, two of one rendition and one of the other. One relay runs through the whole class; each
 * test is one phase of its life, in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RelayEndToEndTest {
    private static final String ORG = "org-relay";
    private static final String RELAY = "/internal/engine/relays/" + ORG;
    private static final String CHANNEL = "/internal/engine/channels/" + ORG;
    private static final String PASSPHRASE = "relay-pass-4b8e1d7c2a";
    private static final Map<String, String> KEYS = Map.of("a", "sk-relay-a91c3e5f7b", "b", "sk-relay-b28d4f6a0c",
            "c", "sk-relay-c37e5a7b1d");
    /** The presets the destinations name: what counts on a relay is the id; the rendition is MediaLive's. */
    private static final String LARGE = preset("relay-360p", "640x360", 25, 800, "main", 2, 0);
    private static final String SMALL = preset("relay-180p", "320x180", 25, 400, "main", 2, 0);
    private static final String NOT_CARRIED = preset("relay-1080p", "1920x1080", 30, 6000, "high", 2, 2);
    private static final Map<String, String> PRESET_OF = Map.of("a", LARGE, "b", LARGE, "c", SMALL);

    private final TestIssuer issuer = new TestIssuer();
    private final List<String> bodies = new ArrayList<>();
    private final Map<String, Integer> receiverPorts = Map.of("a", FreePorts.next(), "b", FreePorts.next(), "c",
            FreePorts.next());
    private final Map<String, RtmpReceiver> receivers = new HashMap<>();
    private final int firstRelayPort = udpRange(4);
    private Path data;
    private ConfigurableApplicationContext engine;
    private EngineApi api;
    private List<String> events;
    private Map<String, Integer> relayPorts = Map.of();
    private TestSource large;
    private TestSource small;
    private RtmpReceiver restartedB;
    private RtmpReceiver restartedC;

    @BeforeAll
    void startEngine() throws IOException {
        data = Files.createTempDirectory("engine-relay");
        engine = InProcessEngine.start(data, data.resolve("engine.log"), issuer, "--logging.level.io.lunora=DEBUG",
                "--lunora.engine.relay.ports=" + firstRelayPort + "-" + (firstRelayPort + 3),
                "--lunora.engine.relay.bind-address=127.0.0.1");
        api = InProcessEngine.api(engine, issuer);
        events = api.follow("/internal/engine/events");
    }

    @AfterAll
    void stopEverything() {
        Stream.of(large, small).filter(Objects::nonNull).forEach(TestSource::close);
        receivers.values().forEach(RtmpReceiver::close);
        Stream.of(restartedB, restartedC).filter(Objects::nonNull).forEach(RtmpReceiver::close);
        if (engine != null) {
            engine.close();
        }
        issuer.close();
    }

    @Test
    @Order(1)
    void shouldRefuseBadRelayBodiesWithProblemsNamingTheFieldAndStartNothing() {
        assertThat(fields(api.put(RELAY, relay("[]", null)))).containsExactly("renditions");
        String seventeen = String.join(",", java.util.stream.IntStream.range(0, 17)
                .mapToObj(i -> rendition("p" + i, 200)).toList());
        assertThat(fields(api.put(RELAY, relay("[" + seventeen + "]", null)))).containsExactly("renditions");
        assertThat(fields(api.put(RELAY, relay("[" + rendition("relay-360p", 10) + "]", null))))
                .containsExactly("renditions[0].latency_ms");
        assertThat(fields(api.put(RELAY, relay("[" + rendition("relay-360p", 9000) + "]", null))))
                .containsExactly("renditions[0].latency_ms");
        assertThat(fields(api.put(RELAY, relay("[" + rendition("bad preset", 200) + "]", null))))
                .containsExactly("renditions[0].preset_id");
        assertThat(fields(api.put(RELAY, relay("[" + rendition("relay-360p", 200) + "," + rendition("relay-360p", 300) + "]",
                null)))).containsExactly("renditions[1].preset_id");
        assertThat(fields(api.put(RELAY, relay("[" + rendition("relay-360p", 200) + "]", PASSPHRASE)
                .replace("\"pbkeylen\":16", "\"pbkeylen\":20")))).containsExactly("pbkeylen");
        EngineApi.Answer shortPassphrase = api.put(RELAY, relay("[" + rendition("relay-360p", 200) + "]", "short-pw1"));
        assertThat(fields(shortPassphrase)).containsExactly("passphrase");
        assertThat(shortPassphrase.body()).doesNotContain("short-pw1");
        assertThat(fields(api.put("/internal/engine/relays/bad%20org", relay("[" + rendition("relay-360p", 200) + "]",
                null)))).containsExactly("organization");
        assertThat(api.put(RELAY, "{\"session_id\":\"s1\"}").status()).isEqualTo(400);
        assertThat(new EngineApi(api.port(), (String) null).put(RELAY, relay("[" + rendition("relay-360p", 200) + "]", null))
                .status()).isEqualTo(401);

        assertThat(api.put(CHANNEL + "/outputs/dest-a", output(LARGE, RtmpReceiver.url(1935), KEYS.get("a")))
                .status()).isEqualTo(404);
        assertThat(status().path("running").asBoolean()).isFalse();
        assertThat(engine.getBean(ChildPool.class).pids()).isEmpty();
        assertThat(api.delete(RELAY).status()).isEqualTo(204); // nothing to stop: still fine
    }

    @Test
    @Order(2)
    void shouldListenForEachRenditionAndPushEachDestinationItsOwn() {
        EngineApi.Answer started = api.put(RELAY, relay("[" + rendition("relay-360p", 120) + "," + rendition("relay-180p",
                120) + "]", PASSPHRASE));
        assertThat(started.status()).isEqualTo(200);
        assertThat(started.body()).doesNotContain(PASSPHRASE);
        relayPorts = ports(started);
        assertThat(relayPorts).containsOnlyKeys("relay-360p", "relay-180p");
        assertThat(relayPorts.values()).doesNotHaveDuplicates()
                .allSatisfy(p -> assertThat(p).isBetween(firstRelayPort, firstRelayPort + 3));
        // the same body again is a no-op with the same answer
        assertThat(ports(api.put(RELAY, relay("[" + rendition("relay-360p", 120) + "," + rendition("relay-180p", 120)
                + "]", PASSPHRASE)))).isEqualTo(relayPorts);

        large = TestSource.call(relayPorts.get("relay-360p"), "640x360", 25, PASSPHRASE);
        small = TestSource.call(relayPorts.get("relay-180p"), "320x180", 25, PASSPHRASE);
        for (String id : List.of("a", "b", "c")) {
            receivers.put(id, RtmpReceiver.listen(receiverPorts.get(id), KEYS.get(id), data.resolve(id + ".flv")));
            startOutput(id, PRESET_OF.get(id));
        }
        await().atMost(Duration.ofSeconds(40)).until(() -> outputStates().equals(List.of("live", "live", "live")));

        JsonNode status = status();
        assertThat(status.path("kind").asString()).isEqualTo("relay");
        assertThat(status.path("inputs").findValuesAsString("name")).containsExactly("relay-360p", "relay-180p");
        await().atMost(Duration.ofSeconds(10)).until(() -> status().path("inputs").findValues("connected").stream()
                .allMatch(JsonNode::asBoolean));
        assertThat(status().path("inputs").path(0).path("bitrate_kbps").asLong()).isPositive();
        assertThat(status.path("outputs").findValuesAsString("rendition"))
                .containsExactly("relay-360p", "relay-360p", "relay-180p");
        await().atMost(Duration.ofSeconds(10)).until(() -> bytesSent("dest-c") > 0);
        await().pollDelay(Duration.ofSeconds(4)).until(() -> true);
    }

    @Test
    @Order(3)
    void shouldRefuseAnOutputOfAPresetTheRelayDoesNotCarryAndAChannelBeside() {
        EngineApi.Answer notCarried = api.put(CHANNEL + "/outputs/dest-x",
                output(NOT_CARRIED, RtmpReceiver.url(1935), "sk-not-carried-1234"));
        assertThat(notCarried.status()).isEqualTo(409);
        assertThat(notCarried.json().path("detail").asString()).contains("relay-1080p", "relay-360p", "relay-180p");
        assertThat(notCarried.body()).doesNotContain("sk-not-carried-1234");
        assertThat(fields(api.put(CHANNEL + "/outputs/dest-x", output(LARGE.replace("\"relay-360p\"", "\"bad id\""),
                RtmpReceiver.url(1935), "sk-not-carried-1234")))).containsExactly("preset.preset_id");
        assertThat(fields(api.put(CHANNEL + "/outputs/dest-x", output(LARGE.replace("640x360", "huge"),
                RtmpReceiver.url(1935), "sk-not-carried-1234")))).containsExactly("preset.video.resolution");

        // an organization runs a relay or a channel; and the engine one of them at a time (max-channels 1)
        assertThat(api.put(CHANNEL, channel(ORG, "s1", "single", FreePorts.next(), null, false)).status()).isEqualTo(409);
        assertThat(api.put("/internal/engine/channels/org-other", channel("org-other", "s1", "single", FreePorts.next(),
                null, false)).status()).isEqualTo(409);
        assertThat(api.put("/internal/engine/relays/org-other", relay("[" + rendition("relay-360p", 200) + "]", null))
                .status()).isEqualTo(409);
        assertThat(outputStates()).containsOnly("live");
    }

    @Test
    @Order(4)
    void shouldStopOneDestinationWhileTheOthersKeepReceivingAndStartItAgainOnAKeyframe() {
        long aBefore = size("a");
        long cBefore = size("c");
        assertThat(api.delete(CHANNEL + "/outputs/dest-b").status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> !receivers.get("b").isAlive());
        await().atMost(Duration.ofSeconds(10)).until(() -> size("a") > aBefore + 20_000 && size("c") > cBefore + 10_000);
        // one publisher per receiver: a receiver still running was never left or reconnected to
        assertThat(receivers.get("a").isAlive()).isTrue();
        assertThat(receivers.get("c").isAlive()).isTrue();
        assertThat(outputStates()).containsExactly("live", "live");

        restartedB = RtmpReceiver.listen(receiverPorts.get("b"), KEYS.get("b"), data.resolve("b2.flv"));
        long startedAt = System.nanoTime();
        startOutput("b", LARGE);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> "live".equals(outputState("dest-b")));
        // a copy from the GOP cache: no encoder to start, no keyframe to wait for
        assertThat(Duration.ofNanos(System.nanoTime() - startedAt)).isLessThan(Duration.ofSeconds(3));
        await().atMost(Duration.ofSeconds(10)).until(() -> bytesSent("dest-b") > 50_000);
        assertThat(status().path("outputs").findValues("attempts")).allMatch(a -> a.asInt() == 0);
    }

    @Test
    @Order(5)
    void shouldAddAndDropARenditionWithoutTouchingTheRunningOnes() {
        List<Long> before = engine.getBean(ChildPool.class).pids();
        Map<String, Integer> three = ports(api.put(RELAY, relay("[" + rendition("relay-360p", 120) + ","
                + rendition("relay-180p", 120) + "," + rendition("relay-144p", 120) + "]", PASSPHRASE)));
        assertThat(three).containsAllEntriesOf(relayPorts).containsKey("relay-144p");
        assertThat(engine.getBean(ChildPool.class).pids()).containsAll(before).hasSize(before.size() + 1);
        assertThat(status().path("inputs").findValuesAsString("name"))
                .containsExactly("relay-360p", "relay-180p", "relay-144p");

        assertThat(ports(api.put(RELAY, relay("[" + rendition("relay-360p", 120) + "," + rendition("relay-180p", 120)
                + "]", PASSPHRASE)))).isEqualTo(relayPorts);
        assertThat(engine.getBean(ChildPool.class).pids()).containsExactlyInAnyOrderElementsOf(before);
        assertThat(List.of(receivers.get("a"), receivers.get("c"), restartedB)).allMatch(RtmpReceiver::isAlive);
        assertThat(outputStates()).containsOnly("live");
        await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
    }

    @Test
    @Order(6)
    void shouldStartTheOutputsOfARenditionOverWhenItsCallerConnectsAgain() {
        small.kill();
        await().atMost(Duration.ofSeconds(10)).until(() -> !inputConnected("relay-180p"));
        assertThat(outputStates()).containsOnly("live"); // a silent rendition keeps its pusher waiting
        small = TestSource.call(relayPorts.get("relay-180p"), "320x180", 25, PASSPHRASE);

        // the pusher starts over on the new stream: its receiver sees the old publisher go, a new one comes
        await().atMost(Duration.ofSeconds(15)).until(() -> !receivers.get("c").isAlive());
        restartedC = RtmpReceiver.listen(receiverPorts.get("c"), KEYS.get("c"), data.resolve("c2.flv"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "live".equals(outputState("dest-c")));
        await().atMost(Duration.ofSeconds(10)).until(() -> eventData("output").stream()
                .anyMatch(e -> e.contains("\"destination_id\":\"dest-c\"") && e.contains("\"state\":\"retrying\"")));
        assertThat(eventData("output")).noneMatch(e -> !e.contains("\"destination_id\":\"dest-c\"")
                && e.contains("\"state\":\"retrying\""));
        assertThat(List.of(receivers.get("a"), restartedB)).allMatch(RtmpReceiver::isAlive);
        await().atMost(Duration.ofSeconds(10)).until(() -> size("c2") > 20_000);
    }

    @Test
    @Order(7)
    void shouldStopEveryListenerAndPusherLeavingNoFfmpeg() {
        List<Long> pids = engine.getBean(ChildPool.class).pids();
        assertThat(pids).hasSize(5); // two listeners, three pushers

        assertThat(api.delete(RELAY).status()).isEqualTo(204);

        assertThat(status().path("running").asBoolean()).isFalse();
        assertThat(engine.getBean(ChildPool.class).pids()).isEmpty();
        assertThat(pids).noneMatch(pid -> Files.exists(Path.of("/proc/" + pid)));
        assertThat(api.delete(RELAY).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> allReceivers().noneMatch(RtmpReceiver::isAlive));
        // the slot is free again: another organization may start a relay on the same ports
        EngineApi.Answer other = api.put("/internal/engine/relays/org-other", relay("[" + rendition("relay-360p", 200) + "]",
                null));
        assertThat(other.status()).isEqualTo(200);
        assertThat(api.delete("/internal/engine/relays/org-other").status()).isEqualTo(204);
    }

    @Test
    @Order(8)
    void shouldHaveDeliveredEachDestinationItsRenditionWithoutAGap() {
        assertThat(allReceivers()).allMatch(RtmpReceiver::publishedOnItsKey);
        Probe a = Probe.video(data.resolve("a.flv"));
        Probe c = Probe.video(data.resolve("c.flv"));
        Probe restarted = Probe.video(data.resolve("b2.flv"));
        assertThat(a).extracting(Probe::codec, Probe::width, Probe::height).containsExactly("h264", 640, 360);
        assertThat(Probe.video(data.resolve("b.flv"))).extracting(Probe::width, Probe::height).containsExactly(640, 360);
        assertThat(restarted).extracting(Probe::width, Probe::height).containsExactly(640, 360);
        assertThat(c).extracting(Probe::codec, Probe::width, Probe::height).containsExactly("h264", 320, 180);
        // a and c ran through b's stop and start and the rendition changes
        assertThat(a.packets().getLast().pts() - a.packets().getFirst().pts()).isGreaterThan(10);
        assertThat(a.largestFrameGap()).isLessThan(Duration.ofMillis(500));
        assertThat(c.largestFrameGap()).isLessThan(Duration.ofMillis(500));
        assertThat(restarted.packets().getFirst().keyframe()).isTrue();
        assertThat(restarted.largestFrameGap()).isLessThan(Duration.ofMillis(500));
        Probe reconnected = Probe.video(data.resolve("c2.flv"));
        assertThat(reconnected).extracting(Probe::width, Probe::height).containsExactly(320, 180);
        assertThat(reconnected.packets().getFirst().keyframe()).isTrue();
        assertThat(reconnected.largestFrameGap()).isLessThan(Duration.ofMillis(500));
    }

    @Test
    @Order(9)
    void shouldNeverShowThePassphraseOrAStreamKeyInLogsStatusOrEvents() throws IOException {
        String log = Files.readString(data.resolve("engine.log"));
        assertThat(log).contains("Relay of " + ORG + " listens for rendition relay-360p");
        String everything = log + String.join("\n", bodies) + String.join("\n", events);
        assertThat(events).anyMatch(l -> l.startsWith("event:output"));
        assertThat(everything).doesNotContain(PASSPHRASE);
        for (String key : KEYS.values()) {
            assertThat(everything).doesNotContain(key);
        }
    }

    private Stream<RtmpReceiver> allReceivers() {
        return Stream.concat(receivers.values().stream(), Stream.of(restartedB, restartedC));
    }

    private boolean inputConnected(String name) {
        for (JsonNode input : status().path("inputs")) {
            if (name.equals(input.path("name").asString())) {
                return input.path("connected").asBoolean();
            }
        }
        return false;
    }

    /** The data lines of the events of one name received so far. */
    private List<String> eventData(String name) {
        List<String> found = new ArrayList<>();
        List<String> lines = List.copyOf(events);
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).equals("event:" + name) && lines.get(i + 1).startsWith("data:")) {
                found.add(lines.get(i + 1).substring(5));
            }
        }
        return found;
    }

    private static String relay(String renditions, String passphrase) {
        return "{\"session_id\":\"session-1\",\"renditions\":" + renditions + ",\"passphrase\":"
                + (passphrase == null ? "null" : "\"" + passphrase + "\"") + ",\"pbkeylen\":16}";
    }

    private static String rendition(String presetId, int latencyMs) {
        return "{\"preset_id\":\"" + presetId + "\",\"latency_ms\":" + latencyMs + "}";
    }

    private Map<String, Integer> ports(EngineApi.Answer answer) {
        assertThat(answer.status()).isEqualTo(200);
        record(answer);
        Map<String, Integer> ports = new java.util.LinkedHashMap<>();
        for (JsonNode r : answer.json().path("renditions")) {
            ports.put(r.path("preset_id").asString(), r.path("port").asInt());
        }
        return ports;
    }

    private void startOutput(String id, String preset) {
        EngineApi.Answer answer = api.put(CHANNEL + "/outputs/dest-" + id,
                output(preset, RtmpReceiver.url(receiverPorts.get(id)), KEYS.get(id)));
        assertThat(answer.status()).isEqualTo(204);
    }

    private JsonNode status() {
        EngineApi.Answer answer = api.get(CHANNEL);
        assertThat(answer.status()).isEqualTo(200);
        record(answer);
        return answer.json();
    }

    private void record(EngineApi.Answer answer) {
        synchronized (bodies) {
            bodies.add(answer.body());
        }
    }

    private List<String> outputStates() {
        return status().path("outputs").findValuesAsString("state");
    }

    private String outputState(String destinationId) {
        return outputOf(destinationId).path("state").asString();
    }

    private long bytesSent(String destinationId) {
        return outputOf(destinationId).path("bytes_sent").asLong();
    }

    private JsonNode outputOf(String destinationId) {
        for (JsonNode output : status().path("outputs")) {
            if (destinationId.equals(output.path("destination_id").asString())) {
                return output;
            }
        }
        return tools.jackson.databind.node.MissingNode.getInstance();
    }

    private long size(String id) {
        try {
            return Files.size(data.resolve(id + ".flv"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> fields(EngineApi.Answer answer) {
        assertThat(answer.status()).isEqualTo(400);
        record(answer);
        return answer.json().path("errors").findValuesAsString("field");
    }

    /** The first of {@code count} consecutive loopback UDP ports that are free now. */
    private static int udpRange(int count) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int first = FreePorts.next();
            if (first + count <= 65535 && java.util.stream.IntStream.range(first, first + count).allMatch(p -> {
                try (DatagramSocket socket = new DatagramSocket(p, InetAddress.getLoopbackAddress())) {
                    return true;
                } catch (IOException inUse) {
                    return false;
                }
            })) {
                return first;
            }
        }
        throw new IllegalStateException("no free UDP port range");
    }
}
