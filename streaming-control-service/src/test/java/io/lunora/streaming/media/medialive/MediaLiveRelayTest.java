package io.lunora.streaming.media.medialive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import io.lunora.model.media.ChannelRequest.Inputs;
import io.lunora.model.media.ChannelRequest;
import io.lunora.model.media.PublishTarget;
import io.lunora.model.preset.EncodingPreset.AdvancedSettings;
import io.lunora.model.preset.EncodingPreset.AudioSettings;
import io.lunora.model.preset.EncodingPreset.VideoSettings;
import io.lunora.model.preset.EncodingPreset;
import io.lunora.streaming.media.ChannelStatus.OutputStatus;
import io.lunora.streaming.media.ChannelStatus;
import io.lunora.streaming.media.MediaEvent;
import io.lunora.streaming.media.OutputSpec;
import io.lunora.streaming.media.engine.RelayEngineClient;
import io.lunora.streaming.testing.EngineAnswers;
import io.lunora.testing.RecordingHttpEndpoint.Recorded;
import io.lunora.testing.RecordingHttpEndpoint.Reply;
import io.lunora.testing.RecordingHttpEndpoint;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.client.RestClient;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.medialive.MediaLiveClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MediaLive backend with the relay tier: what it sends to MediaLive and Secrets Manager (a
 * local endpoint standing in for AWS; member names from the MediaLive API reference:
 * {@code outputGroupSettings.srtGroupSettings}, {@code outputSettings.srtOutputSettings},
 * {@code destinations[].srtSettings[]} with {@code url}, {@code encryptionPassphraseSecretArn},
 * {@code streamId}) and to the relay (a second endpoint answering as the relay-mode engine's
 * contract says), and in which order.
 */
class MediaLiveRelayTest {
    private static final String YOUTUBE_KEY = "abcd-efgh-ijkl-mnop";
    private static final String RELAY_HOST = "relay-nlb.lunora-dev.example";
    private static final String SECRET_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:lunora/dev/org-1/srt/relay";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonMapper SNAKE_CASE = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
    private static final MediaLiveSettings SETTINGS = new MediaLiveSettings("org-1", "dev",
            "arn:aws:iam::123456789012:role/lunora-org-1-dev-medialive", "org-1-dev-live", "lunora-org-1-dev",
            "lunora/dev/org-1/srt/", "arn:aws:kms:us-east-1:123456789012:key/k-1", Duration.ofHours(1),
            Duration.ofMillis(1), Duration.ofSeconds(5));

    private final RecordingHttpEndpoint aws = new RecordingHttpEndpoint();
    private final RecordingHttpEndpoint relayEndpoint = new RecordingHttpEndpoint();
    // the tests drive reconciliation themselves: the settle delay never elapses, and a queue that
    // does not grow proves that no channel change was scheduled
    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    private final List<MediaEvent> events = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> ports = new ConcurrentHashMap<>();
    private volatile String channelState = "IDLE";
    private volatile boolean channelExists;
    private volatile String input;
    private volatile boolean relayLostRenditions;
    private volatile boolean relayRefusesRenditions;
    private volatile String relayStatus = EngineAnswers.relay();
    private MediaLiveClient medialive;
    private SecretsManagerClient secrets;
    private MediaLiveBackend backend;
    private AutoCloseable subscription;

    @BeforeEach
    void pointTheSdkAndTheRelayClientAtTheRecordingEndpoints() {
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        medialive = MediaLiveClient.builder().endpointOverride(URI.create(aws.url())).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        secrets = SecretsManagerClient.builder().endpointOverride(URI.create(aws.url())).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        RestClient relayClient = RestClient.builder().baseUrl(relayEndpoint.url())
                .configureMessageConverters(c -> c.withJsonConverter(new JacksonJsonHttpMessageConverter(SNAKE_CASE)))
                .build();
        SrtInputs inputs = new SrtInputs(medialive, secrets, SETTINGS);
        RelayTier relay = new RelayTier(new RelayEngineClient(relayClient, relayClient, SNAKE_CASE), inputs,
                new RelaySettings(relayEndpoint.url(), RELAY_HOST, 500));
        // no alerts and no metrics here: MediaLiveHealthTest covers them
        ChannelMonitor monitor = new ChannelMonitor((channel, pipeline, now) -> ChannelMetrics.InputMetrics.UNKNOWN,
                new MediaLiveChannelAlerts(medialive), Duration.ofSeconds(30), Clock.systemUTC());
        backend = new MediaLiveBackend(medialive, inputs, SETTINGS, scheduler, Clock.systemUTC(), monitor,
                PassingPackaging.check(SETTINGS), relay);
        subscription = backend.subscribe(events::add);
        aws.answer(this::mediaLive);
        relayEndpoint.answer(this::relay);
    }

    @AfterEach
    void close() throws Exception {
        subscription.close();
        backend.close();
        medialive.close();
        secrets.close();
        aws.close();
        relayEndpoint.close();
    }

    @Test
    void shouldOpenTheRelayThenBuildTheChannelWithOneSrtOutputGroupPerPresetAndNoRtmpOutput() {
        startSessionWithFourDestinations();

        Recorded opened = relayRequest("PUT", "/internal/engine/relays/org-1", 0);
        JsonNode ingest = json(opened.body());
        String passphrase = ingest.path("passphrase").asString();
        assertThat(passphrase).hasSizeGreaterThanOrEqualTo(32);
        assertThat(ingest).isEqualTo(json("""
                {"session_id":"session-1","renditions":[{"preset_id":"builtin-youtube","latency_ms":500},
                  {"preset_id":"builtin-linkedin","latency_ms":500},{"preset_id":"builtin-x","latency_ms":500}],
                 "passphrase":"%s","pbkeylen":32}""".formatted(passphrase)));
        // the relay and MediaLive share the session's passphrase through Secrets Manager only
        JsonNode secret = json(aws.requests().stream()
                .filter(r -> "secretsmanager.CreateSecret".equals(r.header("X-Amz-Target"))).findFirst().orElseThrow().body());
        assertThat(secret.path("Name").asString()).isEqualTo("lunora/dev/org-1/srt/relay");
        assertThat(secret.path("SecretString").asString()).isEqualTo(passphrase);
        assertThat(secret.path("KmsKeyId").asString()).isEqualTo(SETTINGS.kmsKeyId());

        JsonNode channel = body("POST", "/prod/channels", 0);
        assertThat(channel.path("destinations")).isEqualTo(json("""
                [{"id":"relay-builtin-youtube","srtSettings":[{"encryptionPassphraseSecretArn":"%1$s",
                   "streamId":"builtin-youtube","url":"srt://%2$s:9100"}]},
                 {"id":"relay-builtin-linkedin","srtSettings":[{"encryptionPassphraseSecretArn":"%1$s",
                   "streamId":"builtin-linkedin","url":"srt://%2$s:9101"}]},
                 {"id":"relay-builtin-x","srtSettings":[{"encryptionPassphraseSecretArn":"%1$s",
                   "streamId":"builtin-x","url":"srt://%2$s:9102"}]},
                 {"id":"mediapackage","mediaPackageSettings":[{"channelId":"org-1-dev-live"}]},
                 {"id":"thumbnails","settings":[{"url":"s3ssl://lunora-org-1-dev/thumbnails/org-1/live"}]}]"""
                .formatted(SECRET_ARN, RELAY_HOST)));
        JsonNode encoder = channel.path("encoderSettings");
        assertThat(encoder.path("videoDescriptions").findValuesAsString("name"))
                .containsExactly("video-builtin-youtube", "video-builtin-linkedin", "video-builtin-x", "video-thumbnail");
        assertThat(encoder.path("audioDescriptions").findValuesAsString("name")).containsExactly(
                "audio-relay-builtin-youtube", "audio-relay-builtin-linkedin", "audio-relay-builtin-x",
                "audio-hls-video-builtin-youtube", "audio-hls-video-builtin-linkedin", "audio-hls-video-builtin-x");
        assertThat(encoder.path("outputGroups").findValuesAsString("name"))
                .containsExactly("relay-builtin-youtube", "relay-builtin-linkedin", "relay-builtin-x", "hls",
                        "thumbnails");
        assertThat(encoder.path("outputGroups").get(0)).isEqualTo(json("""
                {"name":"relay-builtin-youtube",
                 "outputGroupSettings":{"srtGroupSettings":{"inputLossAction":"EMIT_PROGRAM"}},
                 "outputs":[{"audioDescriptionNames":["audio-relay-builtin-youtube"],"outputName":"relay-builtin-youtube",
                   "outputSettings":{"srtOutputSettings":{"containerSettings":{"m2tsSettings":{}},
                     "destination":{"destinationRefId":"relay-builtin-youtube"},"encryptionType":"AES256","latency":500}},
                   "videoDescriptionName":"video-builtin-youtube"}]}"""));
        // stream keys and the passphrase never reach MediaLive
        assertThat(aws.requests()).filteredOn(r -> r.path().startsWith("/prod/")).allSatisfy(r -> assertThat(r.body())
                .doesNotContain("rtmp", YOUTUBE_KEY, "x-key", "li-key", "custom-key", passphrase));
    }

    @Test
    void shouldPutEachDestinationOnTheRelayOnceTheChannelSendsItsRendition() {
        startSessionWithFourDestinations();

        assertThat(relayRequests()).containsExactly("PUT /internal/engine/relays/org-1",
                "PUT /internal/engine/channels/org-1/outputs/custom-1",
                "PUT /internal/engine/channels/org-1/outputs/linkedin-1",
                "PUT /internal/engine/channels/org-1/outputs/x-1",
                "PUT /internal/engine/channels/org-1/outputs/youtube-1");
        assertThat(relayRequest("PUT", "/internal/engine/channels/org-1/outputs/youtube-1", 0).body()).satisfies(b -> {
            assertThat(json(b).path("target").path("url").asString()).isEqualTo("rtmp://a.rtmp.youtube.com/live2");
            assertThat(json(b).path("target").path("stream_key").asString()).isEqualTo(YOUTUBE_KEY);
            assertThat(json(b).path("preset").path("preset_id").asString()).isEqualTo("builtin-youtube");
        });
        Recorded relayOpened = relayRequest("PUT", "/internal/engine/relays/org-1", 0);
        Recorded firstOutput = relayRequest("PUT", "/internal/engine/channels/org-1/outputs/custom-1", 0);
        assertThat(awsPaths()).containsSubsequence("POST /prod/channels", "POST /prod/channels/4242/start");
        assertThat(relayEndpoint.requests().indexOf(relayOpened)).isLessThan(relayEndpoint.requests().indexOf(firstOutput));
    }

    @Test
    void shouldBuildTheChannelForHlsAloneWithoutOpeningTheRelayWhenTheSessionStartsWithoutDestinations() {
        backend.startChannel(channel());
        backend.reconcile("org-1");

        assertThat(relayRequests()).as("the relay refuses an ingest without renditions").isEmpty();
        assertThat(awsPaths()).containsSubsequence("POST /prod/channels", "POST /prod/channels/4242/start");
        assertThat(body("POST", "/prod/channels", 0).path("encoderSettings").path("outputGroups")
                .findValuesAsString("name")).containsExactly("hls", "thumbnails");
        assertThat(events).noneMatch(e -> e instanceof MediaEvent.OutputStateChanged o && "failed".equals(o.state()));

        // the first destination opens the relay with its preset and cycles the channel once
        aws.clear();
        backend.startOutput("org-1", destinations().getFirst());
        backend.reconcile("org-1");
        assertThat(relayRequests()).containsExactly("PUT /internal/engine/relays/org-1",
                "PUT /internal/engine/channels/org-1/outputs/youtube-1");
        assertThat(awsPaths()).containsSubsequence("POST /prod/channels/4242/stop", "PUT /prod/channels/4242",
                "POST /prod/channels/4242/start");
    }

    @Test
    void shouldStartADestinationOfACarriedPresetOnTheRelayAloneWithoutCallingMediaLive() {
        startSessionWithFourDestinations();
        aws.clear();
        relayEndpoint.clear();
        int scheduled = scheduler.getQueue().size();

        backend.startOutput("org-1", new OutputSpec("twitch-1", preset("builtin-x", "1280x720", 2500, "main", 1, 44100, 5000),
                new PublishTarget("rtmp://live.twitch.example/app", "tw-key")));

        assertThat(relayRequests()).containsExactly("PUT /internal/engine/channels/org-1/outputs/twitch-1");
        assertThat(aws.requests()).isEmpty();
        assertThat(scheduler.getQueue()).as("no channel change scheduled").hasSize(scheduled);
    }

    @Test
    void shouldWidenTheRelayAndCycleTheChannelForAPresetItDoesNotCarry() {
        startSessionWithFourDestinations();
        aws.clear();
        relayEndpoint.clear();
        OutputSpec vertical = new OutputSpec("tiktok-1", preset("custom-vertical", "720x1280", 3000, "main", 0, 48000, 6000),
                new PublishTarget("rtmp://push.tiktok.example/live", "tt-key"));

        backend.startOutput("org-1", vertical);
        assertThat(relayRequests()).as("nothing before the channel carries the rendition").isEmpty();
        backend.reconcile("org-1");

        assertThat(relayRequests()).containsExactly("PUT /internal/engine/relays/org-1",
                "PUT /internal/engine/channels/org-1/outputs/tiktok-1");
        assertThat(json(relayRequest("PUT", "/internal/engine/relays/org-1", 0).body()).path("renditions")
                .findValuesAsString("preset_id"))
                .containsExactly("builtin-youtube", "builtin-linkedin", "builtin-x", "custom-vertical");
        assertThat(awsPaths()).containsSubsequence("POST /prod/channels/4242/stop", "PUT /prod/channels/4242",
                "POST /prod/channels/4242/start");
        JsonNode update = body("PUT", "/prod/channels/4242", 0);
        assertThat(update.path("destinations").findValuesAsString("url")).containsExactly("srt://" + RELAY_HOST + ":9100",
                "srt://" + RELAY_HOST + ":9101", "srt://" + RELAY_HOST + ":9102", "srt://" + RELAY_HOST + ":9103",
                "s3ssl://lunora-org-1-dev/thumbnails/org-1/live");
        assertThat(update.path("encoderSettings").path("outputGroups").findValuesAsString("name")).containsExactly(
                "relay-builtin-youtube", "relay-builtin-linkedin", "relay-builtin-x", "relay-custom-vertical", "hls",
                "thumbnails");
    }

    @Test
    void shouldStopTheLastDestinationOfAPresetOnTheRelayWithoutCyclingTheChannel() {
        startSessionWithFourDestinations();
        aws.clear();
        relayEndpoint.clear();
        int scheduled = scheduler.getQueue().size();

        backend.stopOutput("org-1", "x-1");

        assertThat(relayRequests()).containsExactly("DELETE /internal/engine/channels/org-1/outputs/x-1");
        assertThat(aws.requests()).isEmpty();
        assertThat(scheduler.getQueue()).hasSize(scheduled);
        // a later reconciliation keeps the idle rendition: the channel is left as it runs
        backend.reconcile("org-1");
        assertThat(awsPaths()).noneMatch(p -> p.endsWith("/stop") || p.startsWith("PUT /prod/channels"));
    }

    @Test
    void shouldStopTheRelayOutputsThenTheRelayThenTheChannel() {
        startSessionWithFourDestinations();
        relayEndpoint.clear();
        aws.clear();

        backend.stopChannel("org-1");
        backend.reconcile("org-1");

        assertThat(relayRequests()).containsExactlyInAnyOrder(
                "DELETE /internal/engine/channels/org-1/outputs/custom-1",
                "DELETE /internal/engine/channels/org-1/outputs/linkedin-1",
                "DELETE /internal/engine/channels/org-1/outputs/x-1",
                "DELETE /internal/engine/channels/org-1/outputs/youtube-1",
                "DELETE /internal/engine/relays/org-1");
        assertThat(relayRequests()).endsWith("DELETE /internal/engine/relays/org-1");
        assertThat(awsPaths()).endsWith("POST /prod/channels/4242/stop");
    }

    @Test
    void shouldTakeOutputStatesFromTheRelayWhileTheChannelRuns() {
        startSessionWithFourDestinations();
        relayStatus = EngineAnswers.relay(EngineAnswers.output("youtube-1", "live", 6100, 123456, null),
                EngineAnswers.output("x-1", "retrying", 0, 0, "connection refused"),
                EngineAnswers.output("linkedin-1", "failed", 0, 0, "gave up"));

        ChannelStatus status = backend.status("org-1");

        assertThat(status.running()).isTrue();
        assertThat(status.outputs()).extracting(OutputStatus::destinationId, OutputStatus::state,
                OutputStatus::bitrateKbps, OutputStatus::bytesSent, OutputStatus::lastError).containsExactlyInAnyOrder(
                        tuple("custom-1", "connecting", 0, 0L, null),
                        tuple("linkedin-1", "failed", 0, 0L, "gave up"),
                        tuple("x-1", "retrying", 0, 0L, "connection refused"),
                        tuple("youtube-1", "live", 6100, 123456L, null));

        channelState = "STARTING"; // the channel itself is not on the air yet: the relay has nothing to push
        assertThat(backend.status("org-1").outputs()).extracting(OutputStatus::state).containsOnly("connecting");
    }

    @Test
    void shouldPassTheRelaysOutputEventsToTheListeners() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(events)
                .filteredOn(e -> e instanceof MediaEvent.OutputStateChanged o && "youtube-1".equals(o.destinationId()))
                .first().satisfies(e -> assertThat(((MediaEvent.OutputStateChanged) e).state()).isEqualTo("live")));
        assertThat(events).noneMatch(e -> e instanceof MediaEvent.InputSwitched);
    }

    @Test
    void shouldBuildTheRouteAgainWhenTheRelayLostItsRenditions() {
        startSessionWithFourDestinations();
        relayLostRenditions = true; // the relay task was replaced: it answers 409 for a rendition it lacks
        relayEndpoint.clear();
        int scheduled = scheduler.getQueue().size();
        OutputSpec second = new OutputSpec("twitch-1", preset("builtin-x", "1280x720", 2500, "main", 1, 44100, 5000),
                new PublishTarget("rtmp://live.twitch.example/app", "tw-key"));

        backend.startOutput("org-1", second);
        assertThat(scheduler.getQueue()).as("the channel change is scheduled").hasSize(scheduled + 1);
        relayLostRenditions = false;
        backend.reconcile("org-1");

        // the refused start, the renditions opened again, then every wanted destination back on the relay
        assertThat(relayRequests()).containsExactly("PUT /internal/engine/channels/org-1/outputs/twitch-1",
                "PUT /internal/engine/relays/org-1", "PUT /internal/engine/channels/org-1/outputs/custom-1",
                "PUT /internal/engine/channels/org-1/outputs/linkedin-1",
                "PUT /internal/engine/channels/org-1/outputs/twitch-1", "PUT /internal/engine/channels/org-1/outputs/x-1",
                "PUT /internal/engine/channels/org-1/outputs/youtube-1");
    }

    @Test
    void shouldReportARelayThatRefusesTheRenditionsAsFailedOutputsWithoutBuildingTheChannel() {
        relayRefusesRenditions = true;

        startSessionWithFourDestinations();

        assertThat(awsPaths()).doesNotContain("POST /prod/channels");
        assertThat(events).filteredOn(e -> e instanceof MediaEvent.OutputStateChanged o && "failed".equals(o.state()))
                .extracting(e -> ((MediaEvent.OutputStateChanged) e).lastError())
                .hasSize(4).containsOnly("relay refused: HTTP 503");
    }

    @Test
    void shouldKeepThePassphraseOutOfTheIngestsText() {
        RelayEngineClient.Ingest ingest = new RelayEngineClient.Ingest("session-1",
                List.of(new RelayEngineClient.Rendition("builtin-x", 500)), "a-secret-passphrase-0123456789", 32);

        assertThat(ingest.toString()).doesNotContain("a-secret-passphrase").contains("encrypted=true");
    }

    // ------------------------------------------------------------------ helpers

    private void startSessionWithFourDestinations() {
        backend.startChannel(channel());
        destinations().forEach(o -> backend.startOutput("org-1", o));
        backend.reconcile("org-1");
    }

    private Reply relay(Recorded r) {
        String path = r.path();
        if (path.equals("/internal/engine/relays/org-1") && r.method().equals("PUT") && relayRefusesRenditions) {
            return new Reply(503, "application/problem+json",
                    "{\"title\":\"no free port\",\"detail\":\"rtmp://a.rtmp.youtube.com/live2/" + YOUTUBE_KEY + "\"}");
        }
        if (path.equals("/internal/engine/relays/org-1") && r.method().equals("PUT")) {
            StringBuilder answer = new StringBuilder();
            for (JsonNode rendition : json(r.body()).path("renditions")) {
                String preset = rendition.path("preset_id").asString();
                int port = ports.computeIfAbsent(preset, p -> 9100 + ports.size());
                answer.append(answer.isEmpty() ? "" : ",")
                        .append("{\"preset_id\":\"%s\",\"port\":%d}".formatted(preset, port));
            }
            return new Reply(200, "application/json", "{\"renditions\":[" + answer + "]}");
        }
        if (path.startsWith("/internal/engine/channels/org-1/outputs/") && r.method().equals("PUT")) {
            return relayLostRenditions ? new Reply(409, "application/problem+json", "{\"title\":\"no such rendition\"}")
                    : new Reply(204, "application/json", "");
        }
        if (path.equals("/internal/engine/channels/org-1") && r.method().equals("GET")) {
            return new Reply(200, "application/json", relayStatus);
        }
        if (path.equals("/internal/engine/events")) {
            return new Reply(200, "text/event-stream", """
                    event: output
                    data: {"organization_id":"org-1","time":"2025-01-01T10:00:00Z","destination_id":"youtube-1","state":"live","last_error":null}

                    event: switch
                    data: {"organization_id":"org-1","time":"2025-01-01T10:00:00Z","from":"primary","to":"secondary","reason":"manual"}

                    """);
        }
        return new Reply(204, "application/json", "");
    }

    private Reply mediaLive(Recorded r) {
        if (r.header("X-Amz-Target") != null) {
            String name = json(r.body()).path("Name").asString(json(r.body()).path("SecretId").asString());
            return Reply.json(200, "{\"ARN\":\"arn:aws:secretsmanager:us-east-1:123456789012:secret:" + name
                    + "\",\"Name\":\"" + name + "\"}");
        }
        return switch (r.method() + " " + r.path().replaceAll("\\?.*", "")) {
            case "GET /prod/inputs" -> Reply.json(200, "{\"inputs\":[" + (input == null ? "" : input) + "]}");
            case "POST /prod/inputs" -> {
                input = "{\"id\":\"input-1\",\"name\":\"org-1-dev-videon-a\",\"srtSettings\":"
                        + json(r.body()).path("srtSettings") + "}";
                yield Reply.json(201, "{\"input\":{\"id\":\"input-1\"}}");
            }
            case "GET /prod/channels" -> Reply.json(200, channelExists
                    ? "{\"channels\":[{\"id\":\"4242\",\"name\":\"org-1-dev-live\"}]}" : "{\"channels\":[]}");
            case "POST /prod/channels" -> {
                channelExists = true;
                yield Reply.json(201, "{\"channel\":{\"id\":\"4242\",\"state\":\"CREATING\"}}");
            }
            case "PUT /prod/channels/4242" -> Reply.json(200, "{\"channel\":{\"id\":\"4242\",\"state\":\"IDLE\"}}");
            case "POST /prod/channels/4242/start" -> {
                channelState = "RUNNING";
                yield Reply.json(200, "{\"id\":\"4242\",\"state\":\"STARTING\"}");
            }
            case "POST /prod/channels/4242/stop" -> {
                channelState = "IDLE";
                yield Reply.json(200, "{\"id\":\"4242\",\"state\":\"STOPPING\"}");
            }
            case "GET /prod/channels/4242" -> Reply.json(200, """
                    {"id":"4242","name":"org-1-dev-live","state":"%s",
                     "inputAttachments":[{"inputAttachmentName":"primary","inputId":"input-1"}],
                     "pipelineDetails":[{"pipelineId":"0","activeInputAttachmentName":"primary"}]}"""
                    .formatted(channelState));
            default -> Reply.json(404, "{\"message\":\"not here\"}");
        };
    }

    private static ChannelRequest channel() {
        ChannelRequest.Input a = new ChannelRequest.Input("Videon A", "caller", "203.0.113.10", 9998, 200, null, null, null);
        return new ChannelRequest("org-1", "session-1", new Inputs("single", 5, "stay", 10, a, null), false);
    }

    private static List<OutputSpec> destinations() {
        EncodingPreset youtube = preset("builtin-youtube", "1920x1080", 6000, "high", 2, 48000, 12000);
        EncodingPreset x = preset("builtin-x", "1280x720", 2500, "main", 1, 44100, 5000);
        EncodingPreset linkedin = preset("builtin-linkedin", "1920x1080", 4000, "high", 2, 48000, 8000);
        return List.of(
                new OutputSpec("youtube-1", youtube, new PublishTarget("rtmp://a.rtmp.youtube.com/live2", YOUTUBE_KEY)),
                new OutputSpec("x-1", x, new PublishTarget("rtmp://x.example.com/x", "x-key")),
                new OutputSpec("linkedin-1", linkedin, new PublishTarget("rtmps://li.example.com:443/live", "li-key")),
                new OutputSpec("custom-1", youtube, new PublishTarget("rtmp://studio.example.net/live", "custom-key")));
    }

    private static EncodingPreset preset(String id, String resolution, int kbps, String profile, int bFrames,
            int sampleRate, int buffer) {
        return new EncodingPreset(id, id, id, true, false,
                new VideoSettings(resolution, 30, kbps, "h264", profile, 2, bFrames),
                new AudioSettings("aac", 128, sampleRate, "stereo"), new AdvancedSettings(60, "cbr", buffer), 1L,
                null, null);
    }

    private List<String> awsPaths() {
        return aws.requests().stream().filter(r -> r.header("X-Amz-Target") == null)
                .map(r -> r.method() + " " + r.path().replaceAll("\\?.*", "")).toList();
    }

    /** The relay calls, without the event stream (it runs on its own). */
    private List<String> relayRequests() {
        return relayEndpoint.requests().stream().filter(r -> !r.path().startsWith("/internal/engine/events"))
                .filter(r -> !r.method().equals("GET")).map(r -> r.method() + " " + r.path()).toList();
    }

    private Recorded relayRequest(String method, String path, int index) {
        return relayEndpoint.requests().stream().filter(r -> r.method().equals(method) && r.path().equals(path))
                .toList().get(index);
    }

    private JsonNode body(String method, String path, int index) {
        return json(aws.requests().stream().filter(r -> r.method().equals(method) && r.path().equals(path))
                .toList().get(index).body());
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
