package io.lunora.system.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import io.lunora.model.identity.ServiceClient;
import io.lunora.model.media.ChannelRequest.Inputs;
import io.lunora.model.media.ChannelRequest;
import io.lunora.model.media.PublishTarget;
import io.lunora.model.preset.EncodingPreset.AdvancedSettings;
import io.lunora.model.preset.EncodingPreset.AudioSettings;
import io.lunora.model.preset.EncodingPreset.VideoSettings;
import io.lunora.model.preset.EncodingPreset;
import io.lunora.streaming.StreamingControlApplication;
import io.lunora.streaming.media.MediaBackend;
import io.lunora.streaming.media.MediaEvent;
import io.lunora.streaming.media.OutputSpec;
import io.lunora.support.clients.ServiceClientAutoConfiguration;
import io.lunora.system.streaming.RecordingReceiver;
import io.lunora.system.streaming.VideoProbe;
import io.lunora.testing.FreePorts;
import io.lunora.testing.RecordingHttpEndpoint.Recorded;
import io.lunora.testing.TestIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The AWS relay path end to end with real media: streaming-control's media backend as
 * {@code lunora.mode=aws} wires it (MediaLive with the relay tier, its real SDK clients pointed at
 * {@link MediaLiveStandIn}), a real media-engine in relay mode (SRT listeners, copy-only pushers,
 * client-credentials tokens checked for the {@code internal} scope), FFmpeg playing MediaLive's SRT
 * outputs from the channel the backend built, and RTMP receivers standing in for the platforms.
 * The test drives the media port as the control service does; each test is one phase, in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RelayPathTest {
    private static final String ORG = "org-relay";
    private static final String CHANNEL_NAME = ORG + "-dev-live";
    private static final String CLIENT_SECRET = "relay-path-client-secret-0f3b";
    private static final EncodingPreset LARGE = preset("relay-360p", "640x360");
    private static final EncodingPreset SMALL = preset("relay-180p", "320x180");
    private static final EncodingPreset THIRD = preset("relay-216p", "384x216");
    private static final Map<String, String> KEYS = Map.of("a", "sk-path-a71c3e5f9b", "b", "sk-path-b28d4f6a0c",
            "c", "sk-path-c37e5a7b1d", "d", "sk-path-d46f6b8c2e");
    private static final Map<String, EncodingPreset> PRESET_OF = Map.of("a", LARGE, "b", LARGE, "c", SMALL, "d", THIRD);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TestIssuer issuer = new TestIssuer();
    private final MediaLiveStandIn aws = new MediaLiveStandIn(CHANNEL_NAME);
    private final Map<String, Integer> receiverPorts = new LinkedHashMap<>();
    /** Every receiver started, by recording name ({@code a}, {@code a2}, ...). */
    private final Map<String, RecordingReceiver> receivers = new LinkedHashMap<>();
    private final Map<String, RecordingReceiver> current = new LinkedHashMap<>();
    private final List<MediaEvent> events = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final int firstRelayPort = udpRange(4);
    private Path data;
    private RelayProcess relay;
    private ConfigurableApplicationContext control;
    private MediaBackend media;
    private AutoCloseable subscription;
    private int requestsBefore;

    /** Streaming-control's media selection: the same package scan and configuration, without the rest of the service. */
    @Configuration(proxyBeanMethods = false)
    @ComponentScan("io.lunora.streaming.media")
    @ImportAutoConfiguration({ JacksonAutoConfiguration.class, ServiceClientAutoConfiguration.class })
    static class AwsMediaBackend {
    }

    @BeforeAll
    void startTheRelayAndTheBackend() throws IOException {
        data = Files.createTempDirectory("relay-path");
        relay = RelayProcess.start(FreePorts.next(), data.resolve("relay.log"), List.of(
                "--lunora.engine.data-dir=" + data.resolve("engine"),
                "--lunora.security.jwk-set-uri=" + issuer.jwkSetUri(),
                "--lunora.engine.relay.ports=" + firstRelayPort + "-" + (firstRelayPort + 3),
                "--lunora.engine.relay.bind-address=127.0.0.1", "--logging.level.io.lunora=DEBUG",
                // the receivers standing in for the platforms listen on this machine: allowed as an operator would
                "--lunora.publish.allowed-hosts=127.0.0.0/8"));

        // the SDK's own endpoint and credential settings, as a container would get them: no AWS here
        System.setProperty("aws.endpointUrl", aws.url());
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        control = new SpringApplicationBuilder(AwsMediaBackend.class).web(WebApplicationType.NONE).run(
                "--spring.config.location=" + ownConfiguration(StreamingControlApplication.class),
                "--spring.profiles.active=aws", "--lunora.dynamodb.environment=dev", "--lunora.aws.region=us-east-1",
                "--lunora.services.token-uri=" + issuer.clientCredentialsTokenUri(ServiceClient.STREAMING_CONTROL, CLIENT_SECRET),
                "--lunora.services.client-secret=" + CLIENT_SECRET,
                // the local issuer's scope names; with Cognito they are lunora/<scope>
                "--lunora.services.scope-prefix=",
                "--lunora.medialive.organization-id=" + ORG,
                "--lunora.medialive.channel-role-arn=arn:aws:iam::123456789012:role/lunora-org-relay-dev-medialive",
                "--lunora.medialive.packaging-channel-id=" + CHANNEL_NAME,
                // the media stack's HlsPath output, as the services stack sets LUNORA_CATALOG_HLSURL
                "--lunora.catalog.hls-url=" + MediaLiveStandIn.HLS_PATH,
                "--lunora.medialive.recording-bucket=lunora-org-relay-dev",
                "--lunora.medialive.srt-secret-prefix=lunora/dev/org-relay/srt/",
                "--lunora.medialive.kms-key-id=arn:aws:kms:us-east-1:123456789012:key/k-1",
                "--lunora.medialive.settle=1s", "--lunora.medialive.poll-interval=200ms",
                "--lunora.medialive.state-timeout=30s",
                "--lunora.medialive.relay.url=http://127.0.0.1:" + relay.port(),
                "--lunora.medialive.relay.host=127.0.0.1",
                "--logging.file.name=" + data.resolve("control.log"), "--logging.level.io.lunora=DEBUG");
        media = control.getBean(MediaBackend.class);
        subscription = media.subscribe(events::add);
        for (String id : KEYS.keySet()) {
            receiverPorts.put(id, FreePorts.next());
        }
    }

    @AfterAll
    void stopEverything() throws Exception {
        try {
            if (subscription != null) {
                subscription.close();
            }
            if (control != null) {
                control.close();
            }
            aws.close(); // and with it every sender still running
            receivers.values().forEach(RecordingReceiver::close);
            if (relay != null) {
                relay.close();
            }
        } finally {
            System.clearProperty("aws.endpointUrl");
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
            issuer.close();
        }
    }

    @Test
    @Order(1)
    void shouldBringThreeDestinationsOnTwoPresetsLiveThroughMediaLiveAndTheRelay() {
        List.of("a", "b", "c").forEach(id -> listen(id, id));

        // a session start with its auto-start destinations, as the control service makes it
        long startedAt = System.nanoTime();
        media.startChannel(session("session-1"));
        List.of("a", "b", "c").forEach(id -> media.startOutput(ORG, output(id)));

        await().atMost(Duration.ofSeconds(60)).until(() -> states().equals(Map.of("dest-a", "live", "dest-b", "live",
                "dest-c", "live")));
        measured("session start to three destinations live", startedAt);
        assertThat(aws.mediaLiveCalls()).containsSubsequence("POST /prod/inputs", "POST /prod/channels",
                "POST /prod/channels/4242/start").doesNotContain("PUT /prod/channels/4242");
        // the preflight found the packaging channel and its HLS endpoint at the catalog's path: no warning
        assertThat(aws.mediaPackageCalls()).containsExactly("GET /channels/" + CHANNEL_NAME,
                "GET /origin_endpoints?channelId=" + CHANNEL_NAME);
        assertThat(media.status(ORG).error()).isNull();
        assertThat(aws.sending()).extracting(RenditionSender.Output::streamId, RenditionSender.Output::width,
                RenditionSender.Output::height).containsExactly(tuple("relay-360p", 640, 360), tuple("relay-180p", 320, 180));
        assertThat(aws.sending()).allSatisfy(o -> {
            assertThat(o.host()).isEqualTo("127.0.0.1");
            assertThat(o.port()).isBetween(firstRelayPort, firstRelayPort + 3);
            assertThat(o.latencyMs()).isEqualTo(500);
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> size("a") > 50_000 && size("b") > 50_000 && size("c") > 30_000);
        // the relay's output events reach the port's listeners, as the control service subscribes
        await().atMost(Duration.ofSeconds(10)).until(() -> events.stream().anyMatch(e -> e instanceof
                MediaEvent.OutputStateChanged o && o.destinationId().equals("dest-c") && "live".equals(o.state())));
    }

    @Test
    @Order(2)
    void shouldStopOneDestinationWithoutAnyMediaLiveCallWhileTheOthersKeepReceiving() {
        requestsBefore = aws.requests().size();
        long aBefore = size("a");
        long cBefore = size("c");

        media.stopOutput(ORG, "dest-b");

        await().atMost(Duration.ofSeconds(10)).until(() -> !current.get("b").isAlive());
        // longer than the backend's settle delay: a channel change would have been made by now
        await().atMost(Duration.ofSeconds(20)).until(() -> size("a") > aBefore + 100_000 && size("c") > cBefore + 60_000);
        assertThat(current.get("a").isAlive()).as("a's publisher never left").isTrue();
        assertThat(current.get("c").isAlive()).as("c's publisher never left").isTrue();
        assertThat(engineStates()).isEqualTo(Map.of("dest-a", "live", "dest-c", "live"));
        assertThat(engineStatus().path("outputs").findValues("attempts")).allMatch(a -> a.asInt() == 0);
        assertThat(aws.requests().subList(requestsBefore, aws.requests().size())).isEmpty();
    }

    @Test
    @Order(3)
    void shouldStartItAgainOnTheRelayAloneStillWithoutAnyMediaLiveCall() {
        listen("b", "b2");
        long aBefore = size("a");

        long startedAt = System.nanoTime();
        media.startOutput(ORG, output("b"));

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> "live".equals(engineStates().get("dest-b")));
        // a copy from the relay's GOP cache: no channel change, no encoder to start
        assertThat(measured("destination restarted to live on the relay", startedAt)).isLessThan(Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(20)).until(() -> size("b2") > 50_000 && size("a") > aBefore + 50_000);
        assertThat(current.values()).allMatch(RecordingReceiver::isAlive);
        assertThat(engineStatus().path("outputs").findValues("attempts")).hasSize(3).allMatch(a -> a.asInt() == 0);
        assertThat(aws.requests().subList(requestsBefore, aws.requests().size())).isEmpty();
        // the port's status reads MediaLive (DescribeChannel, alerts, metrics) and the relay
        assertThat(states()).isEqualTo(Map.of("dest-a", "live", "dest-b", "live", "dest-c", "live"));
    }

    @Test
    @Order(4)
    void shouldCycleTheChannelOnceForAThirdPresetAndBringEveryDestinationBack() {
        int before = aws.requests().size();
        listen("d", "d");
        long startedAt = System.nanoTime();

        media.startOutput(ORG, output("d"));

        await().atMost(Duration.ofSeconds(30)).until(() -> aws.mediaLiveCalls(before).contains("PUT /prod/channels/4242"));
        JsonNode update = aws.channel();
        assertThat(update.path("destinations").findValuesAsString("streamId"))
                .containsExactly("relay-360p", "relay-180p", "relay-216p");
        // one SRT output group per preset, besides the channel's own groups (HLS, ...)
        assertThat(update.path("encoderSettings").path("outputGroups").findValuesAsString("name"))
                .filteredOn(n -> n.startsWith("relay-"))
                .containsExactly("relay-relay-360p", "relay-relay-180p", "relay-relay-216p");
        // the renditions start over: each pusher ends its publisher and comes back to a receiver that listens again
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (String id : List.of("a", "b", "c")) {
                if (!current.get(id).isAlive() && !receivers.containsKey(id + "3")) {
                    listen(id, id + "3");
                }
            }
            return receivers.keySet().containsAll(List.of("a3", "b3", "c3"));
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> states().equals(Map.of("dest-a", "live", "dest-b", "live",
                "dest-c", "live", "dest-d", "live")));
        measured("third preset's update cycle to four destinations live", startedAt);
        await().atMost(Duration.ofSeconds(20)).until(() -> size("d") > 30_000 && size("a3") > 30_000
                && size("b3") > 30_000 && size("c3") > 30_000);
        assertThat(aws.mediaLiveChanges(before)).as("one update cycle")
                .containsExactly("POST /prod/channels/4242/stop", "PUT /prod/channels/4242", "POST /prod/channels/4242/start");
        assertThat(aws.sending()).extracting(RenditionSender.Output::width).containsExactly(640, 320, 384);
    }

    @Test
    @Order(5)
    void shouldStopTheRelayAndThenTheChannelLeavingNoFfmpegOfTheEngineOrOfMediaLive() {
        List<Long> enginePids = relay.ffmpegPids();
        List<Long> senderPids = aws.senderPids();
        assertThat(enginePids).as("three listeners, four pushers").hasSize(7);
        assertThat(senderPids).hasSize(3);

        int before = aws.requests().size();

        media.stopChannel(ORG);

        // the relay is closed before the channel stops, so once StopChannel arrives the relay's FFmpegs are gone
        await().atMost(Duration.ofSeconds(20)).until(() -> aws.mediaLiveCalls(before).contains("POST /prod/channels/4242/stop"));
        assertThat(aws.mediaLiveChanges(before)).containsExactly(
                "POST /prod/channels/4242/stop");
        assertThat(relay.ffmpegPids()).isEmpty();
        assertThat(engineStatus().path("running").asBoolean()).isFalse();
        assertThat(enginePids).noneMatch(pid -> Files.exists(Path.of("/proc/" + pid)));
        assertThat(aws.senderPids()).isEmpty();
        assertThat(senderPids).noneMatch(pid -> Files.exists(Path.of("/proc/" + pid)));
        assertThat(media.status(ORG).running()).isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> current.values().stream().noneMatch(RecordingReceiver::isAlive));
        assertThat(events).as("no channel change failed on the way").noneMatch(e -> e instanceof
                MediaEvent.OutputStateChanged o && "failed".equals(o.state()));
    }

    @Test
    @Order(6)
    void shouldRunTheNextSessionOnTheSameChannelWithANewPassphrase() {
        int before = aws.requests().size();
        listen("a", "a5");

        media.startChannel(session("session-2"));
        media.startOutput(ORG, output("a"));

        await().atMost(Duration.ofSeconds(60)).until(() -> states().equals(Map.of("dest-a", "live")));
        await().atMost(Duration.ofSeconds(20)).until(() -> size("a5") > 30_000);
        assertThat(aws.mediaLiveChanges(before)).as("the channel is reused")
                .containsExactly("PUT /prod/channels/4242", "POST /prod/channels/4242/start");
        // the secret exists since the first session: its value is replaced, and MediaLive sends with the new one
        assertThat(aws.requests()).filteredOn(RelayPathTest::storesASecret).extracting(r -> r.header("X-Amz-Target"))
                .containsExactly("secretsmanager.CreateSecret", "secretsmanager.CreateSecret",
                        "secretsmanager.PutSecretValue");
        assertThat(passphrases()).hasSize(2);
        assertThat(aws.sending()).extracting(RenditionSender.Output::streamId, RenditionSender.Output::passphrase)
                .containsExactly(tuple("relay-360p", passphrases().getLast()));

        media.stopChannel(ORG);
        await().atMost(Duration.ofSeconds(20)).until(() -> aws.mediaLiveChanges(before)
                .getLast().equals("POST /prod/channels/4242/stop"));
        assertThat(relay.ffmpegPids()).isEmpty();
        assertThat(aws.senderPids()).isEmpty();
    }

    @Test
    @Order(7)
    void shouldHaveDeliveredEachDestinationItsPresetsRenditionOnItsOwnKey() {
        assertThat(receivers.values()).allMatch(RecordingReceiver::publishedOnItsKey);
        receivers.forEach((name, receiver) -> assertThat(VideoProbe.of(receiver.recording()))
                .as(name).extracting(VideoProbe::codec, VideoProbe::resolution)
                .containsExactly("h264", PRESET_OF.get(name.substring(0, 1)).video().resolution()));
    }

    @Test
    @Order(8)
    void shouldKeepStreamKeysAndThePassphrasesOutOfMediaLiveAndTheLogs() throws IOException {
        String log = Files.readString(relay.log()) + Files.readString(data.resolve("control.log"));
        assertThat(log).contains("listens for rendition relay-216p");
        for (String passphrase : passphrases()) {
            assertThat(passphrase).hasSizeGreaterThanOrEqualTo(32);
            assertThat(aws.requests()).filteredOn(r -> !storesASecret(r))
                    .allSatisfy(r -> assertThat(r.body() + r.path()).doesNotContain(passphrase));
            assertThat(log).doesNotContain(passphrase);
        }
        for (String key : KEYS.values()) {
            assertThat(aws.requests()).allSatisfy(r -> assertThat(r.body() + r.path()).doesNotContain(key));
            assertThat(log).doesNotContain(key);
        }
    }

    // ------------------------------------------------------------------ helpers

    /** The passphrases the backend stored (CreateSecret, then PutSecretValue when it exists), in order. */
    private List<String> passphrases() {
        return aws.requests().stream().filter(RelayPathTest::storesASecret)
                .map(r -> JSON.readTree(r.body()).path("SecretString").asString()).distinct().toList();
    }

    private static boolean storesASecret(Recorded r) {
        String target = String.valueOf(r.header("X-Amz-Target"));
        return target.equals("secretsmanager.CreateSecret") || target.equals("secretsmanager.PutSecretValue");
    }

    private static ChannelRequest session(String sessionId) {
        return new ChannelRequest(ORG, sessionId, new Inputs("single", 5, "stay", 10,
                new ChannelRequest.Input("Videon A", "caller", "203.0.113.10", 9998, 200, null, null, null), null), false);
    }

    /** A duration the integrator reads from the test's output (StreamingEndToEndTest does the same). */
    private static Duration measured(String what, long startedAt) {
        Duration took = Duration.ofNanos(System.nanoTime() - startedAt);
        System.out.printf("%s: %.1f s%n", what, took.toMillis() / 1000.0);
        return took;
    }

    private void listen(String destination, String name) {
        RecordingReceiver receiver = RecordingReceiver.listen(receiverPorts.get(destination), KEYS.get(destination),
                data.resolve(name + ".flv"));
        receivers.put(name, receiver);
        current.put(destination, receiver);
    }

    private OutputSpec output(String id) {
        return new OutputSpec("dest-" + id, PRESET_OF.get(id), new PublishTarget(current.get(id).url(), KEYS.get(id)));
    }

    /** Output states through the media port, as the control service shows them. */
    private Map<String, String> states() {
        Map<String, String> states = new LinkedHashMap<>();
        media.status(ORG).outputs().forEach(o -> states.put(o.destinationId(), o.state()));
        return Map.copyOf(states);
    }

    /** Output states on the relay itself: reading them calls no MediaLive API. */
    private Map<String, String> engineStates() {
        Map<String, String> states = new LinkedHashMap<>();
        engineStatus().path("outputs").forEach(o -> states.put(o.path("destination_id").asString(), o.path("state").asString()));
        return Map.copyOf(states);
    }

    private JsonNode engineStatus() {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + relay.port()
                + "/internal/engine/channels/" + ORG))
                .header("Authorization", "Bearer " + issuer.serviceToken(ServiceClient.STREAMING_CONTROL)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long size(String name) {
        try {
            Path file = data.resolve(name + ".flv");
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EncodingPreset preset(String id, String resolution) {
        return new EncodingPreset(id, "custom", id, false, false, new VideoSettings(resolution, 30, 800, "h264", "main", 2, 0),
                new AudioSettings("aac", 128, 48000, "stereo"), new AdvancedSettings(60, "cbr", 1600), 1L, null, null);
    }

    /** The application's own application.yml: every service jar on this classpath has one. */
    private static String ownConfiguration(Class<?> application) {
        String location = application.getProtectionDomain().getCodeSource().getLocation().toString();
        return location.endsWith(".jar") ? "jar:" + location + "!/application.yml" : location + "application.yml";
    }

    private static int udpRange(int count) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int first = FreePorts.next();
            if (first + count <= 65535 && IntStream.range(first, first + count).allMatch(p -> {
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
