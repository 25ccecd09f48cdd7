package io.lunora.engine.channel;

import static io.lunora.engine.testing.ChannelBodies.channel;
import static io.lunora.engine.testing.ChannelBodies.output;
import static io.lunora.engine.testing.ChannelBodies.preset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.engine.orchestration.Orchestrator;
import io.lunora.engine.process.ChildPool;
import io.lunora.engine.testing.EngineApi;
import io.lunora.engine.testing.InProcessEngine;
import io.lunora.engine.testing.Probe;
import io.lunora.engine.testing.RtmpReceiver;
import io.lunora.engine.testing.TestSource;
import io.lunora.model.identity.Group;
import io.lunora.testing.FreePorts;
import io.lunora.testing.TestIssuer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.assertj.core.data.Offset;
import org.assertj.core.data.Percentage;
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
 * The engine end to end, driven through its internal HTTP API with a real service token: two
 * test-pattern SRT sources, four RTMP receivers (FFmpeg listening) on three presets scaled down
 * for a 2-core machine, HLS, the thumbnail and recording. One channel runs through the whole class; each test
 * is one phase of its life, in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EngineEndToEndTest {
    private static final String ORG = "org-e2e";
    private static final String CHANNEL = "/internal/engine/channels/" + ORG;
    /** The stream keys: none of them may show in any log line, status or event. */
    private static final Map<String, String> KEYS = Map.of("a", "sk-live-a7c31f9e2b", "b", "sk-live-b5d82e1c4a",
            "c", "sk-live-c9e04b7d1f", "d", "sk-live-d3f6a2c8e5", "e", "sk-live-e8b1d4f7a3", "f", "sk-live-f2a9c6e0b8");
    private static final String PASSPHRASE = "srt-pass-9f2c4e7a1b";
    private static final String PRESET_A = preset("small-main", "320x180", 25, 400, "main", 2, 2);
    private static final String PRESET_B = preset("tiny-baseline", "256x144", 15, 250, "baseline", 2, 0);
    private static final String PRESET_C = preset("small-high", "384x216", 30, 500, "high", 1, 1);
    /** Declares the sources' own format (320x180 at 25 fps, mono AAC): copied. */
    private static final String PASSTHROUGH_FITS = passthrough(preset("copy-fits", "320x180", 25, 400, "main", 2, 0))
            .replace("\"stereo\"", "\"mono\"");
    /** Declares preset B's format, which the sources do not have: encoded as B, so it shares B's encoder. */
    private static final String PASSTHROUGH_AS_B = passthrough(PRESET_B);

    private final TestIssuer issuer = new TestIssuer();
    private final List<String> statusBodies = new ArrayList<>();
    private final Map<String, Integer> receiverPorts = Map.of("a", FreePorts.next(), "b", FreePorts.next(), "c",
            FreePorts.next(), "d", FreePorts.next(), "e", FreePorts.next(), "f", FreePorts.next());
    private final Map<String, RtmpReceiver> receivers = new java.util.HashMap<>();
    private final int primaryPort = FreePorts.next();
    private final int secondaryPort = FreePorts.next();
    private Path data;
    private ConfigurableApplicationContext engine;
    private EngineApi api;
    private List<String> events;
    private TestSource primary;
    private TestSource secondary;
    private RtmpReceiver restartedD;
    private List<Long> enginePids = List.of();

    @BeforeAll
    void startEngine() throws IOException {
        data = Files.createTempDirectory("engine-e2e");
        engine = InProcessEngine.start(data, data.resolve("engine.log"), issuer, "--logging.level.io.lunora=DEBUG",
                "--lunora.engine.slate.width=320", "--lunora.engine.slate.height=180",
                "--lunora.engine.slate.frame-rate=25",
                "--lunora.engine.hls.frame-rate=25", "--lunora.engine.hls.segment-seconds=1",
                "--lunora.engine.hls.ladder[0].height=180", "--lunora.engine.hls.ladder[0].video-kbps=300",
                "--lunora.engine.hls.ladder[0].audio-kbps=64",
                "--lunora.engine.hls.ladder[1].height=144", "--lunora.engine.hls.ladder[1].video-kbps=200",
                "--lunora.engine.hls.ladder[1].audio-kbps=64",
                "--lunora.engine.recording.segment-seconds=6");
        api = InProcessEngine.api(engine, issuer);
        events = api.follow("/internal/engine/events");
    }

    @AfterAll
    void stopEverything() {
        Stream.of(primary, secondary).filter(java.util.Objects::nonNull).forEach(TestSource::close);
        receivers.values().forEach(RtmpReceiver::close);
        if (restartedD != null) {
            restartedD.close();
        }
        if (engine != null) {
            engine.close();
        }
        issuer.close();
    }

    @Test
    @Order(1)
    void shouldRefuseCallersWithoutAServiceTokenAndBadBodiesWithProblems() {
        EngineApi anonymous = new EngineApi(api.port(), (String) null);
        assertThat(anonymous.get(CHANNEL).status()).isEqualTo(401);
        assertThat(anonymous.get("/internal/engine/events").status()).isEqualTo(401);
        EngineApi operator = new EngineApi(api.port(), issuer.userToken("olga", ORG, Group.OPERATORS));
        assertThat(operator.get(CHANNEL).status()).isEqualTo(403);

        assertThat(status().path("running").asBoolean()).isFalse();

        EngineApi.Answer otherOrganization = api.put(CHANNEL, channel("org-other", "s1", "single", primaryPort, null, false));
        assertThat(otherOrganization.status()).isEqualTo(400);
        assertThat(fields(otherOrganization)).containsExactly("organization_id");

        EngineApi.Answer noSecondary = api.put(CHANNEL, channel(ORG, "s1", "auto_failover", primaryPort, null, false));
        assertThat(noSecondary.status()).isEqualTo(400);
        assertThat(fields(noSecondary)).containsExactly("inputs.secondary");

        EngineApi.Answer badPort = api.put(CHANNEL, channel(ORG, "s1", "single", 80, null, false));
        assertThat(badPort.status()).isEqualTo(400);
        assertThat(fields(badPort)).containsExactly("inputs.primary.port");

        String key = KEYS.get("a");
        EngineApi.Answer notRtmp = api.put(CHANNEL + "/outputs/dest-a", output(PRESET_A, "http://127.0.0.1:1935/live", key));
        assertThat(notRtmp.status()).isEqualTo(400);
        assertThat(fields(notRtmp)).containsExactly("target.url");
        assertThat(notRtmp.body()).doesNotContain(key);
        EngineApi.Answer noKey = api.put(CHANNEL + "/outputs/dest-a", output(PRESET_A, RtmpReceiver.url(1935), "a key"));
        assertThat(fields(noKey)).containsExactly("target.stream_key");
        assertThat(noKey.body()).doesNotContain(key);

        EngineApi.Answer badPreset = api.put(CHANNEL + "/outputs/dest-a", output(
                PRESET_A.replace("320x180", "huge"), RtmpReceiver.url(1935), key));
        assertThat(fields(badPreset)).containsExactly("preset.video.resolution");

        EngineApi.Answer noChannel = api.put(CHANNEL + "/outputs/dest-a", output(PRESET_A, RtmpReceiver.url(1935), key));
        assertThat(noChannel.status()).isEqualTo(404);
        assertThat(noChannel.body()).doesNotContain(key);

        EngineApi.Answer badSwitch = api.post(CHANNEL + "/switch", "{\"input\":\"tertiary\"}");
        assertThat(fields(badSwitch)).containsExactly("input");
        assertThat(api.get("/internal/engine/channels/bad%20org").status()).isEqualTo(400);
    }

    @Test
    @Order(2)
    void shouldStartTheChannelAndOneEncoderPerDistinctPreset() {
        for (String id : List.of("a", "b", "c", "d", "e", "f")) {
            receivers.put(id, RtmpReceiver.listen(receiverPorts.get(id), KEYS.get(id), data.resolve(id + ".flv")));
        }
        assertThat(api.put(CHANNEL, channel(ORG, "session-1", "auto_failover", primaryPort, secondaryPort, PASSPHRASE,
                true)).status()).isEqualTo(204);
        // the primary first: in auto mode a standby that is live before it would take over at once
        primary = TestSource.call(primaryPort);
        await().atMost(Duration.ofSeconds(20)).until(() -> "primary".equals(status().path("on_air").asString()));
        secondary = TestSource.call(secondaryPort, "320x180", 25, PASSPHRASE);
        // one channel at a time on this machine (lunora.engine.max-channels)
        assertThat(api.put("/internal/engine/channels/org-second",
                channel("org-second", "s2", "single", FreePorts.next(), null, false)).status()).isEqualTo(409);

        startOutput("a", PRESET_A);
        startOutput("b", PRESET_B);
        startOutput("c", PRESET_C);
        startOutput("d", PRESET_A);
        startOutput("e", PASSTHROUGH_FITS);
        startOutput("f", PASSTHROUGH_AS_B);
        // the same request again changes nothing
        startOutput("a", PRESET_A);

        await().atMost(Duration.ofSeconds(30)).until(() -> outputStates().equals(Collections.nCopies(6, "live")));
        assertThat(engine.getBean(Orchestrator.class).renditions(ORG)).hasSize(4); // three encoders and one copy
        JsonNode outputs = status().path("outputs");
        assertThat(outputs.path(0).path("rendition").asString()).isEqualTo(outputs.path(3).path("rendition").asString());
        assertThat(outputs.path(4).path("rendition").asString()).isEqualTo("copy-h264-320x180p25");
        assertThat(outputs.path(5).path("rendition").asString()).isEqualTo(outputs.path(1).path("rendition").asString());
        JsonNode inputs = status().path("inputs");
        assertThat(inputs).hasSize(2);
        assertThat(inputs.findValuesAsString("input")).containsExactlyInAnyOrder("primary", "secondary");
        await().atMost(Duration.ofSeconds(10)).until(() -> inputConnected("secondary"));
        await().atMost(Duration.ofSeconds(10)).until(() -> status().path("outputs").path(0).path("bytes_sent").asLong() > 0);
        assertThat(status().path("active_input").asString()).isEqualTo("primary");
        // let every receiver record some seconds before the failover
        await().pollDelay(Duration.ofSeconds(6)).until(() -> true);
    }

    @Test
    @Order(3)
    void shouldFailOverToTheSecondaryWithinTheThresholdAndKeepEveryDestinationConnected() {
        long killedAt = System.nanoTime();
        primary.kill();

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> "secondary".equals(status().path("on_air").asString()));
        assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).isLessThan(Duration.ofSeconds(3));
        assertThat(status().path("active_input").asString()).isEqualTo("secondary");
        await().atMost(Duration.ofSeconds(5)).until(() -> eventData("switch").stream()
                .anyMatch(e -> e.contains("\"to\":\"secondary\"") && e.contains("\"reason\":\"input_loss\"")));
        assertThat(eventData("switch")).anyMatch(e -> e.contains("\"from\":\"primary\"") && e.contains("\"to\":\"slate\""));
        assertThat(outputStates()).containsOnly("live");
        assertThat(receivers.values()).allMatch(RtmpReceiver::isAlive);
        await().pollDelay(Duration.ofSeconds(4)).until(() -> true);
    }

    @Test
    @Order(4)
    void shouldSwitchBackByHandWhenAskedTo() {
        primary = TestSource.call(primaryPort);
        await().atMost(Duration.ofSeconds(15)).until(() -> inputConnected("primary"));
        assertThat(status().path("active_input").asString()).isEqualTo("secondary"); // failback policy: stay

        // a changed configuration (auto to manual, same inputs) applies to the running channel, restarting nothing
        List<Long> before = engine.getBean(ChildPool.class).pids();
        assertThat(api.put(CHANNEL, channel(ORG, "session-1", "manual", primaryPort, secondaryPort, PASSPHRASE, true))
                .status()).isEqualTo(204);
        assertThat(engine.getBean(ChildPool.class).pids()).containsExactlyInAnyOrderElementsOf(before);
        assertThat(status().path("active_input").asString()).isEqualTo("secondary");

        assertThat(api.post(CHANNEL + "/switch", "{\"input\":\"primary\",\"reason\":\"manual\"}").status()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(3)).until(() -> "primary".equals(status().path("on_air").asString()));
        await().atMost(Duration.ofSeconds(5)).until(() -> eventData("switch").stream()
                .anyMatch(e -> e.contains("\"from\":\"secondary\",\"to\":\"primary\",\"reason\":\"manual\"")));
        assertThat(receivers.values()).allMatch(RtmpReceiver::isAlive);

        // "Pause all": the slate at once and kept (both inputs play), every destination connected; resume cuts back
        assertThat(api.put(CHANNEL + "/pause", "").status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(3)).until(() -> "slate".equals(status().path("on_air").asString()));
        assertThat(status().path("paused").asBoolean()).isTrue();
        assertThat(api.put(CHANNEL + "/pause", "").status()).as("idempotent").isEqualTo(204);
        await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
        assertThat(status().path("on_air").asString()).as("no input restores a paused program").isEqualTo("slate");
        assertThat(receivers.values()).allMatch(RtmpReceiver::isAlive);
        assertThat(api.delete(CHANNEL + "/pause").status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(3)).until(() -> "primary".equals(status().path("on_air").asString()));
        assertThat(status().path("paused").asBoolean()).isFalse();
        await().atMost(Duration.ofSeconds(5)).until(() -> eventData("switch").stream()
                .anyMatch(e -> e.contains("\"from\":\"slate\",\"to\":\"primary\",\"reason\":\"resumed\"")));
        assertThat(eventData("switch")).anyMatch(e -> e.contains("\"to\":\"slate\",\"reason\":\"paused\""));
        await().pollDelay(Duration.ofSeconds(4)).until(() -> true);
    }

    @Test
    @Order(5)
    void shouldRestartOneDestinationOnAKeyframeWithoutTouchingTheOthers() {
        assertThat(api.delete(CHANNEL + "/outputs/dest-d").status()).isEqualTo(204);
        assertThat(engine.getBean(Orchestrator.class).renditions(ORG)).hasSize(4); // "a" still uses the shared encoder
        await().atMost(Duration.ofSeconds(10)).until(() -> !receivers.get("d").isAlive());
        restartedD = RtmpReceiver.listen(receiverPorts.get("d"), KEYS.get("d"), data.resolve("d2.flv"));

        long startedAt = System.nanoTime();
        startOutput("d", PRESET_A);
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> "live".equals(outputState("dest-d")));
        assertThat(Duration.ofNanos(System.nanoTime() - startedAt)).isLessThan(Duration.ofSeconds(3));
        assertThat(outputStates()).containsOnly("live");
        await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
    }

    @Test
    @Order(6)
    void shouldServeAPlayableHlsLadder() throws IOException {
        HttpResponse<byte[]> master = api.download("/hls/" + ORG + "/master.m3u8");
        assertThat(master.statusCode()).isEqualTo(200);
        String masterText = new String(master.body());
        assertThat(masterText).contains("180p/index.m3u8", "144p/index.m3u8");

        String playlist = new String(api.download("/hls/" + ORG + "/180p/index.m3u8").body());
        String segment = playlist.lines().filter(l -> l.endsWith(".ts")).reduce((first, second) -> second).orElseThrow();
        HttpResponse<byte[]> bytes = api.download("/hls/" + ORG + "/180p/" + segment);
        assertThat(bytes.statusCode()).isEqualTo(200);
        Path file = data.resolve("hls-segment.ts");
        Files.write(file, bytes.body());
        Probe probe = Probe.video(file);
        assertThat(probe).extracting(Probe::codec, Probe::width, Probe::height).containsExactly("h264", 320, 180);
        assertThat(probe.packets()).isNotEmpty();
        assertThat(probe.packets().getFirst().keyframe()).isTrue();

        // the ladder's FFmpeg yields the CPU to the destinations' encoders (lunora.engine.hls.niceness, 5)
        List<Long> ladder = engine.getBean(ChildPool.class).pids().stream()
                .filter(pid -> commandLine(pid).contains("master.m3u8")).toList();
        assertThat(ladder).hasSize(1);
        assertThat(niceOf(ladder.getFirst())).isEqualTo(5);
        assertThat(engine.getBean(ChildPool.class).pids()).filteredOn(pid -> !ladder.contains(pid))
                .allMatch(pid -> niceOf(pid) == 0 || niceOf(pid) == -100, "every other child at the engine's own priority");
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline"))).replace('\0', ' ');
        } catch (IOException gone) {
            return "";
        }
    }

    /** Field 19 of /proc/PID/stat, after the command name in parentheses. */
    private static int niceOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
        } catch (IOException gone) {
            return -100;
        }
    }

    @Test
    @Order(6)
    void shouldServeTheProgramsThumbnailBesideThePlaylists() throws IOException {
        HttpResponse<byte[]> thumbnail = api.download("/hls/" + ORG + "/thumbnail.jpg");
        assertThat(thumbnail.statusCode()).isEqualTo(200);
        assertThat(thumbnail.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(ImageIO.read(new ByteArrayInputStream(thumbnail.body())).getWidth()).isEqualTo(640);
    }

    @Test
    @Order(7)
    void shouldStopAnEncoderWithItsLastDestination() {
        assertThat(api.delete(CHANNEL + "/outputs/dest-c").status()).isEqualTo(204);
        assertThat(engine.getBean(Orchestrator.class).renditions(ORG)).hasSize(3);
        assertThat(outputStates()).containsExactly("live", "live", "live", "live", "live");
        await().atMost(Duration.ofSeconds(5)).until(() -> eventData("output").stream()
                .anyMatch(e -> e.contains("\"destination_id\":\"dest-c\"") && e.contains("\"state\":\"stopped\"")));
    }

    @Test
    @Order(8)
    void shouldStopTheChannelLeavingNoFfmpegAndRecordingsThatMatchThePresets() throws IOException {
        enginePids = engine.getBean(ChildPool.class).pids();
        assertThat(enginePids).hasSizeGreaterThanOrEqualTo(8);

        assertThat(api.delete(CHANNEL).status()).isEqualTo(204);

        assertThat(status().path("running").asBoolean()).isFalse();
        assertThat(engine.getBean(ChildPool.class).pids()).isEmpty();
        assertThat(enginePids).noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertThat(data.resolve("hls").resolve(ORG)).doesNotExist();
        await().atMost(Duration.ofSeconds(10)).until(() -> receivers.values().stream().noneMatch(RtmpReceiver::isAlive)
                && !restartedD.isAlive());
        // FFmpeg's listener takes a publisher on any key: its log says which key each one used
        assertThat(receivers).allSatisfy((id, receiver) -> assertThat(receiver.publishedOnItsKey())
                .as("dest-%s published on its own key", id).isTrue());
        assertThat(restartedD.publishedOnItsKey()).as("restarted dest-d published on its own key").isTrue();

        expect(Probe.video(data.resolve("a.flv")), "h264", "Main", 320, 180, 25, 2.0, 400);
        expect(Probe.video(data.resolve("b.flv")), "h264", "Constrained Baseline", 256, 144, 15, 2.0, 250);
        expect(Probe.video(data.resolve("c.flv")), "h264", "High", 384, 216, 30, 1.0, 500);
        // the sources' own stream (x264 "ultrafast" makes Constrained Baseline), not an encode to "main"
        assertThat(Probe.video(data.resolve("e.flv"))).extracting(Probe::codec, Probe::profile, Probe::width,
                Probe::height).containsExactly("h264", "Constrained Baseline", 320, 180);
        expect(Probe.video(data.resolve("f.flv")), "h264", "Constrained Baseline", 256, 144, 15, 2.0, 250);
        Probe restarted = Probe.video(data.resolve("d2.flv"));
        assertThat(restarted.packets().getFirst().keyframe()).isTrue();
        assertThat(restarted.largestFrameGap()).isLessThan(Duration.ofMillis(500));
        assertThat(Probe.video(data.resolve("d.flv")).largestFrameGap()).isLessThan(Duration.ofMillis(500));
        assertThat(eventData("output")).noneMatch(e -> e.contains("\"state\":\"retrying\""));

        Path recordings = data.resolve("recordings").resolve(ORG).resolve("session-1");
        List<Path> files;
        try (Stream<Path> list = Files.list(recordings)) {
            files = list.sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(3);
        for (Path file : files.subList(0, files.size() - 1)) {
            Probe recorded = Probe.video(file);
            assertThat(recorded.codec()).isEqualTo("h264");
            assertThat(recorded.packets()).hasSizeGreaterThan(50);
            assertThat(recorded.packets().getFirst().keyframe()).isTrue();
        }
    }

    @Test
    @Order(9)
    void shouldNeverShowAStreamKeyOrPassphraseInLogsStatusOrEvents() throws IOException {
        String log = Files.readString(data.resolve("engine.log"));
        assertThat(log).contains("pusher-dest-a started as pid", "rtmp://127.0.0.1:" + receiverPorts.get("a") + "/live/****");
        String everything = log + String.join("\n", statusBodies) + String.join("\n", events);
        assertThat(events).anyMatch(l -> l.startsWith("event:output"));
        for (String key : KEYS.values()) {
            assertThat(everything).doesNotContain(key);
        }
        assertThat(log).contains("ingest-secondary started as pid");
        assertThat(everything).doesNotContain(PASSPHRASE);
    }

    private static String passthrough(String preset) {
        return preset.replace("\"built_in\":false,", "\"built_in\":false,\"passthrough\":true,");
    }

    private static void expect(Probe probe, String codec, String profile, int width, int height, double fps,
            double keyframeSeconds, int kbps) {
        assertThat(probe).extracting(Probe::codec, Probe::profile, Probe::width, Probe::height)
                .containsExactly(codec, profile, width, height);
        assertThat(probe.frameRate()).isCloseTo(fps, Offset.offset(0.5));
        assertThat(probe.keyframeIntervals()).isNotEmpty()
                .allSatisfy(i -> assertThat(i).isCloseTo(keyframeSeconds, Offset.offset(0.05)));
        assertThat(probe.averageKbps(2)).isCloseTo(kbps, Percentage.withPercentage(15));
        assertThat(probe.largestFrameGap()).isLessThan(Duration.ofMillis(500));
    }

    private void startOutput(String id, String preset) {
        EngineApi.Answer answer = api.put(CHANNEL + "/outputs/dest-" + id,
                output(preset, RtmpReceiver.url(receiverPorts.get(id)), KEYS.get(id)));
        assertThat(answer.status()).isEqualTo(204);
    }

    private JsonNode status() {
        EngineApi.Answer answer = api.get(CHANNEL);
        assertThat(answer.status()).isEqualTo(200);
        synchronized (statusBodies) {
            statusBodies.add(answer.body());
        }
        return answer.json();
    }

    private List<String> outputStates() {
        return status().path("outputs").findValuesAsString("state");
    }

    private String outputState(String destinationId) {
        for (JsonNode output : status().path("outputs")) {
            if (destinationId.equals(output.path("destination_id").asString())) {
                return output.path("state").asString();
            }
        }
        return null;
    }

    private boolean inputConnected(String input) {
        for (JsonNode i : status().path("inputs")) {
            if (input.equals(i.path("input").asString())) {
                return i.path("connected").asBoolean();
            }
        }
        return false;
    }

    /** The data lines of the events of one name received so far. */
    private List<String> eventData(String name) {
        List<String> data = new ArrayList<>();
        List<String> lines = List.copyOf(events);
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).equals("event:" + name) && lines.get(i + 1).startsWith("data:")) {
                data.add(lines.get(i + 1).substring(5));
            }
        }
        return data;
    }

    private static List<String> fields(EngineApi.Answer answer) {
        return answer.json().path("errors").findValuesAsString("field");
    }
}
