package io.lunora.streaming.media.medialive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.lunora.model.media.PublishTarget;
import io.lunora.model.preset.EncodingPreset;
import io.lunora.model.preset.EncodingPreset.AdvancedSettings;
import io.lunora.model.preset.EncodingPreset.AudioSettings;
import io.lunora.model.preset.EncodingPreset.VideoSettings;
import io.lunora.model.media.ChannelRequest;
import io.lunora.model.media.ChannelRequest.Inputs;
import io.lunora.streaming.media.ChannelStatus;
import io.lunora.streaming.media.MediaEvent;
import io.lunora.streaming.media.OutputSpec;
import io.lunora.testing.RecordingHttpEndpoint;
import io.lunora.testing.RecordingHttpEndpoint.Recorded;
import io.lunora.testing.RecordingHttpEndpoint.Reply;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.medialive.MediaLiveClient;
import software.amazon.awssdk.services.mediapackage.MediaPackageClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the MediaLive backend sends, byte for byte as JSON, to a local endpoint standing in for
 * MediaLive, MediaPackage and Secrets Manager. Member names and shapes follow the MediaLive API reference
 * (Inputs: {@code srtSettings.srtCallerSources[]}; Channels: {@code inputAttachments[]
 * .automaticInputFailoverSettings}, {@code destinations[].settings[].url/streamName},
 * {@code destinations[].mediaPackageSettings[].channelId}, {@code encoderSettings}). MediaPackage
 * (v1 REST-JSON) answers as its API reference shows: {@code GET /channels/{id}} a Channel (with
 * its ingest credentials) or 404 {@code NotFoundException}, {@code GET /origin_endpoints} an
 * OriginEndpointList.
 */
@ExtendWith(OutputCaptureExtension.class)
class MediaLiveRequestShapeTest {
    private static final String PASSPHRASE = "passphrase-of-videon-a-0123";
    private static final String YOUTUBE_KEY = "abcd-efgh-ijkl-mnop";
    private static final String INGEST_PASSWORD = "mediapackage-ingest-password-77";
    private static final String HLS_PATH = "/out/v1/6d8c2a0b4f9e4c7d9a1b3c5d7e9f0a1b/index.m3u8";
    private static final String ORIGIN = "https://abc123.mediapackage.us-east-1.amazonaws.com";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MediaLiveSettings SETTINGS = new MediaLiveSettings("org-1", "dev",
            "arn:aws:iam::123456789012:role/lunora-org-1-dev-medialive", "org-1-dev-live", "lunora-org-1-dev",
            "lunora/dev/org-1/srt/", "arn:aws:kms:us-east-1:123456789012:key/k-1", Duration.ofHours(1), Duration.ofMillis(1),
            Duration.ofSeconds(5));

    // the tests drive reconciliation themselves: the settle delay never elapses during a test
    private final RecordingHttpEndpoint aws = new RecordingHttpEndpoint();
    private final Map<String, String> inputs = new java.util.concurrent.ConcurrentSkipListMap<>();
    private final List<MediaEvent> events = new CopyOnWriteArrayList<>();
    private volatile String channelState = "IDLE";
    private volatile boolean channelExists;
    private MediaLiveClient medialive;
    private MediaPackageClient mediapackage;
    private SecretsManagerClient secrets;
    private MediaLiveBackend backend;

    @BeforeEach
    void pointTheSdkAtTheRecordingEndpoint() {
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        medialive = MediaLiveClient.builder().endpointOverride(URI.create(aws.url())).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        secrets = SecretsManagerClient.builder().endpointOverride(URI.create(aws.url())).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        mediapackage = MediaPackageClient.builder().endpointOverride(URI.create(aws.url())).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        PackagingCheck packaging = new PackagingCheck(new MediaPackageChannels(mediapackage), SETTINGS, HLS_PATH,
                Clock.systemUTC());
        // no alerts and no metrics here (the stand-in answers 404): MediaLiveHealthTest covers them
        ChannelMonitor monitor = new ChannelMonitor((channel, pipeline, now) -> ChannelMetrics.InputMetrics.UNKNOWN,
                new MediaLiveChannelAlerts(medialive), Duration.ofSeconds(30), Clock.systemUTC());
        backend = new MediaLiveBackend(medialive, new SrtInputs(medialive, secrets, SETTINGS), SETTINGS,
                Executors.newSingleThreadScheduledExecutor(), Clock.systemUTC(), monitor, packaging, null);
        backend.subscribe(events::add);
        aws.answer(this::mediaLive);
    }

    @AfterEach
    void close() {
        backend.close();
        medialive.close();
        mediapackage.close();
        secrets.close();
        aws.close();
    }

    @Test
    void shouldCreateSrtCallerInputsWhosePassphraseOnlySecretsManagerSees() {
        backend.startChannel(channel("auto_failover"));
        backend.reconcile("org-1");

        assertThat(withoutRequestId(body("POST", "/prod/inputs", 0))).isEqualTo(json("""
                {"name":"org-1-dev-videon-a","type":"SRT_CALLER",
                 "srtSettings":{"srtCallerSources":[{"srtListenerAddress":"203.0.113.10","srtListenerPort":"9998",
                   "streamId":"cam-a","minimumLatency":200,
                   "decryption":{"algorithm":"AES256",
                     "passphraseSecretArn":"arn:aws:secretsmanager:us-east-1:123456789012:secret:lunora/dev/org-1/srt/videon-a"}}]},
                 "tags":{"lunora:organization":"org-1","lunora:environment":"dev","Name":"org-1-dev-videon-a"}}"""));
        assertThat(body("POST", "/prod/inputs", 1).path("srtSettings").path("srtCallerSources").get(0))
                .isEqualTo(json("""
                        {"srtListenerAddress":"203.0.113.11","srtListenerPort":"9999","minimumLatency":120}"""));
        Recorded createSecret = aws.requests().stream()
                .filter(r -> "secretsmanager.CreateSecret".equals(r.header("X-Amz-Target"))).findFirst().orElseThrow();
        JsonNode secret = json(createSecret.body());
        assertThat(secret.path("Name").asString()).isEqualTo("lunora/dev/org-1/srt/videon-a");
        assertThat(secret.path("SecretString").asString()).isEqualTo(PASSPHRASE);
        assertThat(secret.path("KmsKeyId").asString()).isEqualTo(SETTINGS.kmsKeyId());
        assertThat(aws.requests()).filteredOn(r -> r.path().startsWith("/prod/"))
                .allSatisfy(r -> assertThat(r.body()).doesNotContain(PASSPHRASE));
    }

    @Test
    void shouldCreateOneChannelWithTheFailoverPairThreePresetsFourDestinationsAndHlsToMediaPackage() {
        backend.startChannel(channel("auto_failover"));
        destinations().forEach(o -> backend.startOutput("org-1", o));
        backend.reconcile("org-1");

        JsonNode channel = withoutRequestId(body("POST", "/prod/channels", 0));
        assertThat(channel.properties()).extracting(Map.Entry::getKey).containsExactlyInAnyOrder("name", "roleArn",
                "channelClass", "logLevel", "inputSpecification", "inputAttachments", "destinations",
                "encoderSettings", "tags");
        assertThat(channel.path("inputSpecification")).isEqualTo(json("""
                {"codec":"AVC","maximumBitrate":"MAX_20_MBPS","resolution":"HD"}"""));
        assertThat(channel.path("name").asString()).isEqualTo("org-1-dev-live");
        assertThat(channel.path("roleArn").asString()).isEqualTo(SETTINGS.channelRoleArn());
        assertThat(channel.path("channelClass").asString()).isEqualTo("SINGLE_PIPELINE");
        assertThat(channel.path("tags")).isEqualTo(json("""
                {"lunora:organization":"org-1","lunora:environment":"dev","Name":"org-1-dev-live"}"""));
        assertThat(channel.path("inputAttachments")).isEqualTo(json("""
                [{"inputAttachmentName":"primary","inputId":"input-1",
                  "automaticInputFailoverSettings":{"errorClearTimeMsec":10000,
                    "failoverConditions":[{"failoverConditionSettings":{"inputLossSettings":{"inputLossThresholdMsec":5000}}}],
                    "inputPreference":"PRIMARY_INPUT_PREFERRED","secondaryInputId":"input-2"}},
                 {"inputAttachmentName":"secondary","inputId":"input-2"}]"""));
        assertThat(channel.path("destinations")).isEqualTo(json("""
                [{"id":"dest-custom-1","settings":[{"streamName":"custom-key","url":"rtmp://studio.example.net/live"}]},
                 {"id":"dest-linkedin-1","settings":[{"streamName":"li-key","url":"rtmps://li.example.com:443/live"}]},
                 {"id":"dest-x-1","settings":[{"streamName":"x-key","url":"rtmp://x.example.com/x"}]},
                 {"id":"dest-youtube-1","settings":[{"streamName":"%s","url":"rtmp://a.rtmp.youtube.com/live2"}]},
                 {"id":"mediapackage","mediaPackageSettings":[{"channelId":"org-1-dev-live"}]},
                 {"id":"thumbnails","settings":[{"url":"s3ssl://lunora-org-1-dev/thumbnails/org-1/live"}]}]"""
                .formatted(YOUTUBE_KEY)));

        JsonNode encoder = channel.path("encoderSettings");
        // three distinct presets: three encodes, the custom destination shares YouTube's
        assertThat(encoder.path("videoDescriptions").findValuesAsString("name"))
                .containsExactly("video-builtin-youtube", "video-builtin-linkedin", "video-builtin-x", "video-thumbnail");
        assertThat(encoder.path("videoDescriptions").get(0)).isEqualTo(json("""
                {"codecSettings":{"h264Settings":{"bitrate":6000000,"bufSize":12000000,"framerateControl":"SPECIFIED",
                   "framerateDenominator":1,"framerateNumerator":30,"gopNumBFrames":2,"gopSize":60.0,
                   "gopSizeUnits":"FRAMES","profile":"HIGH","rateControlMode":"CBR","scanType":"PROGRESSIVE"}},
                 "height":1080,"name":"video-builtin-youtube","width":1920}"""));
        assertThat(encoder.path("audioDescriptions").findValuesAsString("name")).doesNotHaveDuplicates().hasSize(7);
        assertThat(encoder.path("outputGroups").findValuesAsString("name"))
                .contains("dest-custom-1", "dest-linkedin-1", "dest-x-1", "dest-youtube-1", "hls", "thumbnails");
        JsonNode youtube = encoder.path("outputGroups").get(3);
        assertThat(youtube).isEqualTo(json("""
                {"name":"dest-youtube-1",
                 "outputGroupSettings":{"rtmpGroupSettings":{"cacheFullBehavior":"WAIT_FOR_SERVER","restartDelay":15}},
                 "outputs":[{"audioDescriptionNames":["audio-dest-youtube-1"],"outputName":"dest-youtube-1",
                   "outputSettings":{"rtmpOutputSettings":{"certificateMode":"VERIFY_AUTHENTICITY",
                     "connectionRetryInterval":2,"destination":{"destinationRefId":"dest-youtube-1"},"numRetries":10}},
                   "videoDescriptionName":"video-builtin-youtube"}]}"""));
        assertThat(encoder.path("outputGroups").get(4).path("outputGroupSettings")).isEqualTo(json("""
                {"mediaPackageGroupSettings":{"destination":{"destinationRefId":"mediapackage"}}}"""));
        assertThat(encoder.path("outputGroups").get(4).path("outputs").findValuesAsString("videoDescriptionName"))
                .containsExactly("video-builtin-youtube", "video-builtin-linkedin", "video-builtin-x");
        assertThat(encoder.path("timecodeConfig")).isEqualTo(json("{\"source\":\"SYSTEMCLOCK\"}"));
        // the active input's picture for the operator (DescribeThumbnails): MediaLive makes none unless asked
        assertThat(encoder.path("thumbnailConfiguration")).isEqualTo(json("{\"state\":\"AUTO\"}"));
    }

    @Test
    void shouldCaptureA640PixelThumbnailEveryTenSecondsToTheOrganizationsBucketOnEveryChannel() {
        backend.startChannel(new ChannelRequest("org-1", "session-9", channel("single").inputs(), true));
        backend.reconcile("org-1");

        JsonNode channel = body("POST", "/prod/channels", 0);
        assertThat(channel.path("destinations").get(2)).isEqualTo(json("""
                {"id":"thumbnails","settings":[{"url":"s3ssl://lunora-org-1-dev/thumbnails/org-1/live"}]}"""));
        JsonNode encoder = channel.path("encoderSettings");
        assertThat(encoder.path("videoDescriptions").get(1)).isEqualTo(json("""
                {"codecSettings":{"frameCaptureSettings":{"captureInterval":10,"captureIntervalUnits":"SECONDS"}},
                 "height":360,"name":"video-thumbnail","width":640}"""));
        assertThat(encoder.path("outputGroups").get(2)).isEqualTo(json("""
                {"name":"thumbnails",
                 "outputGroupSettings":{"frameCaptureGroupSettings":{"destination":{"destinationRefId":"thumbnails"}}},
                 "outputs":[{"outputName":"thumbnails","outputSettings":{"frameCaptureOutputSettings":{}},
                   "videoDescriptionName":"video-thumbnail"}]}"""));
    }

    @Test
    void shouldStartTheCreatedChannelAndStopItOnRequest() {
        backend.startChannel(channel("single"));
        backend.reconcile("org-1");
        assertThat(paths()).containsSubsequence("POST /prod/channels", "GET /prod/channels/4242",
                "POST /prod/channels/4242/start");

        backend.stopChannel("org-1");
        backend.reconcile("org-1");
        assertThat(paths()).endsWith("POST /prod/channels/4242/stop");
        assertThat(last("POST", "/prod/channels/4242/stop").body()).isIn("", "{}");
    }

    @Test
    void shouldRecordAnArchiveGroupToTheOrganizationsBucketWhenRecording() {
        backend.startChannel(new ChannelRequest("org-1", "session-9", channel("single").inputs(), true));
        backend.reconcile("org-1");

        JsonNode channel = body("POST", "/prod/channels", 0);
        assertThat(channel.path("destinations").get(1)).isEqualTo(json("""
                {"id":"archive","settings":[{"url":"s3ssl://lunora-org-1-dev/recordings/org-1/session-9/archive"}]}"""));
        assertThat(channel.path("encoderSettings").path("outputGroups").get(1).path("outputGroupSettings"))
                .isEqualTo(json("""
                        {"archiveGroupSettings":{"destination":{"destinationRefId":"archive"},"rolloverInterval":300}}"""));
    }

    @Test
    void shouldRunTheUpdateCycleWhenADestinationStartsOnARunningChannel() {
        backend.startChannel(channel("auto_failover"));
        backend.startOutput("org-1", destinations().get(0));
        backend.reconcile("org-1");
        aws.clear();

        backend.startOutput("org-1", destinations().get(1));
        backend.reconcile("org-1");

        assertThat(paths()).containsSubsequence("POST /prod/channels/4242/stop", "GET /prod/channels/4242",
                "PUT /prod/channels/4242", "POST /prod/channels/4242/start");
        assertThat(body("PUT", "/prod/channels/4242", 0).path("destinations").findValuesAsString("id"))
                .containsExactly("dest-x-1", "dest-youtube-1", "mediapackage", "thumbnails");
        assertThat(events).filteredOn(e -> e instanceof MediaEvent.OutputStateChanged)
                .extracting(e -> ((MediaEvent.OutputStateChanged) e).state()).contains("connecting");
    }

    @Test
    void shouldStopTheChannelBeforeUpdatingAnAttachedInputWhoseSourceChanged() {
        backend.startChannel(channel("auto_failover"));
        backend.reconcile("org-1");
        aws.clear();
        ChannelRequest moved = channel("auto_failover");
        ChannelRequest.Input a = moved.inputs().primary();
        backend.startChannel(new ChannelRequest("org-1", "session-1", new Inputs("auto_failover", 5, "return_to_primary",
                10, new ChannelRequest.Input(a.name(), a.mode(), "203.0.113.99", a.port(), a.latencyMs(), a.passphrase(),
                        a.pbkeylen(), a.streamId()), moved.inputs().secondary()), false));
        backend.reconcile("org-1");

        assertThat(paths()).containsSubsequence("POST /prod/channels/4242/stop", "PUT /prod/inputs/input-1",
                "PUT /prod/channels/4242", "POST /prod/channels/4242/start");
        assertThat(paths()).doesNotContain("PUT /prod/inputs/input-2");
        assertThat(body("PUT", "/prod/inputs/input-1", 0).path("srtSettings").path("srtCallerSources").get(0)
                .path("srtListenerAddress").asString()).isEqualTo("203.0.113.99");
    }

    @Test
    void shouldRefuseAnotherOrganizationsChannelBeforeCallingAws() {
        ChannelRequest other = new ChannelRequest("org-2", "session-2", channel("single").inputs(), false);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> backend.startChannel(other))
                .isInstanceOf(IllegalStateException.class);
        assertThat(aws.requests()).isEmpty();
    }

    @Test
    void shouldLeaveARunningChannelAloneWhenNothingChanged() {
        backend.startChannel(channel("auto_failover"));
        backend.reconcile("org-1");
        aws.clear();

        backend.startChannel(channel("auto_failover"));
        backend.reconcile("org-1");

        assertThat(paths()).noneMatch(p -> p.endsWith("/stop") || p.endsWith("/start") || p.startsWith("PUT /prod/channels"));
    }

    @Test
    void shouldMapDescribeChannelToTheChannelStatus() {
        backend.startChannel(channel("auto_failover"));
        backend.startOutput("org-1", destinations().get(0));
        backend.reconcile("org-1");
        activeInput = "primary";
        assertThat(backend.status("org-1").activeInput()).isEqualTo("primary");

        activeInput = "secondary";
        ChannelStatus running = backend.status("org-1");

        assertThat(running.running()).isTrue();
        assertThat(running.activeInput()).isEqualTo("secondary");
        // without alerts or metrics nothing shows input loss on either input
        assertThat(running.inputs()).extracting(ChannelStatus.InputHealth::input, ChannelStatus.InputHealth::connected)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("primary", true),
                        org.assertj.core.groups.Tuple.tuple("secondary", true));
        assertThat(running.outputs()).extracting(ChannelStatus.OutputStatus::destinationId,
                ChannelStatus.OutputStatus::state).containsExactly(org.assertj.core.groups.Tuple.tuple("youtube-1", "live"));
        assertThat(events).filteredOn(e -> e instanceof MediaEvent.InputSwitched).singleElement()
                .satisfies(e -> assertThat((MediaEvent.InputSwitched) e).extracting(MediaEvent.InputSwitched::to,
                        MediaEvent.InputSwitched::reason).containsExactly("secondary", "manual"));

        channelState = "IDLE";
        backend.stopChannel("org-1");
        backend.reconcile("org-1");
        assertThat(backend.status("org-1")).isEqualTo(ChannelStatus.stopped());
    }

    @Test
    void shouldReportARefusedChannelAsFailedOutputsWithoutTheStreamKey() {
        refuseChannels = true;
        backend.startChannel(channel("auto_failover"));
        backend.startOutput("org-1", destinations().get(0));
        backend.reconcile("org-1");

        assertThat(events).filteredOn(e -> e instanceof MediaEvent.OutputStateChanged).singleElement()
                .satisfies(e -> {
                    MediaEvent.OutputStateChanged changed = (MediaEvent.OutputStateChanged) e;
                    assertThat(changed.state()).isEqualTo("failed");
                    assertThat(changed.lastError()).contains("BadRequestException").doesNotContain(YOUTUBE_KEY);
                });
    }

    @Test
    void shouldCheckThePackagingChannelAndItsHlsEndpointBeforeCreatingTheChannel() {
        backend.startChannel(channel("single"));
        backend.reconcile("org-1");

        // MediaPackage API reference: DescribeChannel is GET /channels/{id}, ListOriginEndpoints
        // GET /origin_endpoints with the query parameter channelId; neither has a body
        assertThat(aws.requests()).filteredOn(r -> !r.path().startsWith("/prod/") && r.header("X-Amz-Target") == null)
                .extracting(Recorded::method, Recorded::path, Recorded::body).containsExactly(
                        tuple("GET", "/channels/org-1-dev-live", ""),
                        tuple("GET", "/origin_endpoints?channelId=org-1-dev-live", ""));
        assertThat(paths()).containsSubsequence("GET /channels/org-1-dev-live", "GET /origin_endpoints",
                "POST /prod/inputs", "POST /prod/channels", "POST /prod/channels/4242/start");
        assertThat(backend.status("org-1").error()).isNull();

        // a passed check holds for ten minutes: the update cycle of the next destination asks MediaPackage nothing
        aws.clear();
        backend.startOutput("org-1", destinations().get(0));
        backend.reconcile("org-1");
        assertThat(paths()).contains("PUT /prod/channels/4242").allMatch(p -> p.contains(" /prod/"));
    }

    @Test
    void shouldFailTheOutputsAndBuildNothingWhenThePackagingChannelIsMissing() {
        packagingChannel = false;
        backend.startChannel(channel("auto_failover"));
        backend.startOutput("org-1", destinations().get(0));
        backend.reconcile("org-1");

        String missing = "the packaging channel org-1-dev-live does not exist: deploy the media stack "
                + "lunora-org-1-dev-media-services";
        assertThat(events).filteredOn(e -> e instanceof MediaEvent.OutputStateChanged).singleElement()
                .satisfies(e -> assertThat((MediaEvent.OutputStateChanged) e).extracting(
                        MediaEvent.OutputStateChanged::destinationId, MediaEvent.OutputStateChanged::state,
                        MediaEvent.OutputStateChanged::lastError).containsExactly("youtube-1", "failed", missing));
        // no CreateChannel, and nothing stored or created for it: no input, no passphrase secret
        assertThat(aws.requests()).extracting(r -> r.method() + " " + r.path())
                .containsExactly("GET /prod/channels?maxResults=100", "GET /channels/org-1-dev-live");
        assertThat(backend.status("org-1")).isEqualTo(ChannelStatus.stopped());

        // deploying the media stack is enough: the next reconciliation builds the channel
        packagingChannel = true;
        backend.reconcile("org-1");
        assertThat(paths()).contains("POST /prod/channels", "POST /prod/channels/4242/start");
    }

    @Test
    void shouldRunTheChannelWithAWarningWhenNoHlsEndpointServesTheCatalogsPath(CapturedOutput output) {
        endpoints = List.of(hlsEndpoint("/out/v1/0000aaaa1111bbbb2222cccc3333dddd/index.m3u8"));
        backend.startChannel(channel("single"));
        backend.startOutput("org-1", destinations().get(0));
        backend.reconcile("org-1");

        // destinations matter more than the portal: the channel is built and started all the same
        assertThat(paths()).contains("POST /prod/channels", "POST /prod/channels/4242/start");
        ChannelStatus status = backend.status("org-1");
        assertThat(status.outputs()).extracting(ChannelStatus.OutputStatus::state).containsExactly("live");
        assertThat(status.error()).isEqualTo("no HLS origin endpoint of the packaging channel org-1-dev-live serves "
                + "lunora.catalog.hls-url " + HLS_PATH + " (it serves /out/v1/0000aaaa1111bbbb2222cccc3333dddd/"
                + "index.m3u8): viewers will not find the program; set LUNORA_CATALOG_HLSURL to the media stack's "
                + "HlsPath output");
        assertThat(events).noneMatch(e -> e instanceof MediaEvent.OutputStateChanged o && "failed".equals(o.state()));
        // the operator finds it in the log too; the packaging channel's ingest credentials appear nowhere
        assertThat(output.getAll()).contains("WARN").contains(status.error()).doesNotContain(INGEST_PASSWORD);

        // a channel without any HLS endpoint says so
        endpoints = List.of();
        backend.startOutput("org-1", destinations().get(1));
        backend.reconcile("org-1");
        assertThat(backend.status("org-1").error()).isEqualTo("the packaging channel org-1-dev-live has no HLS "
                + "origin endpoint: viewers will not find the program (the media stack lunora-org-1-dev-media-services "
                + "defines it)");

        // a warning is not kept: the next build checks again, and the fixed stack clears it
        endpoints = List.of(hlsEndpoint(HLS_PATH));
        aws.clear();
        backend.startOutput("org-1", destinations().get(2));
        backend.reconcile("org-1");
        assertThat(paths()).containsSubsequence("GET /channels/org-1-dev-live", "GET /origin_endpoints",
                "PUT /prod/channels/4242");
        assertThat(backend.status("org-1").error()).isNull();
    }

    // ------------------------------------------------------------------ the stand-in for AWS

    private volatile String activeInput = "primary";
    private volatile boolean refuseChannels;
    private volatile boolean packagingChannel = true;
    private volatile List<String> endpoints = List.of(hlsEndpoint(HLS_PATH));

    /** DescribeChannel's answer for the media stack's channel: its ingest credentials included. */
    private static final String PACKAGING_CHANNEL = """
            {"arn":"arn:aws:mediapackage:us-east-1:123456789012:channels/0f3a9c2e5b7d4e18a6c4b2d0e8f6a4c2",
             "id":"org-1-dev-live","description":"Lunora Live HLS packaging, org-1 dev",
             "hlsIngest":{"ingestEndpoints":[{"id":"ie-1",
               "url":"https://3f8a.mediapackage.us-east-1.amazonaws.com/in/v2/0f3a9c2e/0f3a9c2e/channel",
               "username":"ingest-user-1","password":"%s"}]},
             "tags":{"lunora:organization":"org-1"}}""".formatted(INGEST_PASSWORD);

    private static String hlsEndpoint(String path) {
        return """
                {"id":"org-1-dev-hls","channelId":"org-1-dev-live","manifestName":"index",
                 "url":"%s%s","hlsPackage":{"segmentDurationSeconds":6,"playlistWindowSeconds":60}}"""
                .formatted(ORIGIN, path);
    }

    private Reply mediaLive(Recorded r) {
        String target = r.header("X-Amz-Target");
        if (target != null) {
            String name = json(r.body()).path("Name").asString(json(r.body()).path("SecretId").asString());
            return Reply.json(200, "{\"ARN\":\"arn:aws:secretsmanager:us-east-1:123456789012:secret:" + name
                    + "\",\"Name\":\"" + name + "\"}");
        }
        String path = r.path().replaceAll("\\?.*", "");
        return switch (r.method() + " " + path) {
            case "GET /channels/org-1-dev-live" -> packagingChannel ? Reply.json(200, PACKAGING_CHANNEL)
                    : Reply.json(404, "{\"__type\":\"NotFoundException\",\"message\":\"channel not found\"}");
            case "GET /origin_endpoints" -> Reply.json(200, "{\"originEndpoints\":[" + String.join(",", endpoints) + "]}");
            case "GET /prod/inputs" -> Reply.json(200, "{\"inputs\":[" + String.join(",", inputs.values()) + "]}");
            case "POST /prod/inputs" -> {
                String id = "input-" + (inputs.size() + 1);
                JsonNode body = json(r.body());
                inputs.put(id, "{\"id\":\"" + id + "\",\"name\":\"" + body.path("name").asString()
                        + "\",\"srtSettings\":" + body.path("srtSettings") + "}");
                yield Reply.json(201, "{\"input\":{\"id\":\"" + id + "\"}}");
            }
            case "GET /prod/channels" -> Reply.json(200, channelExists
                    ? "{\"channels\":[{\"id\":\"4242\",\"name\":\"org-1-dev-live\"}]}" : "{\"channels\":[]}");
            case "POST /prod/channels" -> {
                if (refuseChannels) {
                    yield Reply.json(400, "{\"__type\":\"BadRequestException\",\"message\":\"invalid destination "
                            + "rtmp://a.rtmp.youtube.com/live2/" + YOUTUBE_KEY + "\"}");
                }
                channelExists = true;
                channelState = "IDLE";
                yield Reply.json(201, "{\"channel\":{\"id\":\"4242\",\"state\":\"CREATING\"}}");
            }
            case "PUT /prod/inputs/input-1", "PUT /prod/inputs/input-2" -> {
                String id = path.substring(path.lastIndexOf('/') + 1);
                String name = json(inputs.get(id)).path("name").asString();
                inputs.put(id, "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"srtSettings\":"
                        + json(r.body()).path("srtSettings") + "}");
                yield Reply.json(200, "{\"input\":{\"id\":\"" + id + "\"}}");
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
                     "inputAttachments":[{"inputAttachmentName":"primary","inputId":"input-1",
                       "automaticInputFailoverSettings":{"secondaryInputId":"input-2"}},
                       {"inputAttachmentName":"secondary","inputId":"input-2"}],
                     "pipelineDetails":[{"pipelineId":"0","activeInputAttachmentName":"%s"}]}"""
                    .formatted(channelState, activeInput));
            default -> Reply.json(404, "{\"message\":\"not here\"}");
        };
    }

    private static ChannelRequest channel(String mode) {
        ChannelRequest.Input a = new ChannelRequest.Input("Videon A", "caller", "203.0.113.10", 9998, 200, PASSPHRASE, 32, "cam-a");
        ChannelRequest.Input b = new ChannelRequest.Input("Videon B", "caller", "203.0.113.11", 9999, 120, null, null, null);
        return new ChannelRequest("org-1", "session-1", new Inputs(mode, 5, "return_to_primary", 10, a, b), false);
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
        return new EncodingPreset(id, id.substring(8), id, true, false,
                new VideoSettings(resolution, 30, kbps, "h264", profile, 2, bFrames),
                new AudioSettings("aac", 128, sampleRate, "stereo"), new AdvancedSettings(60, "cbr", buffer), 1L,
                null, null);
    }

    private List<String> paths() {
        return aws.requests().stream().filter(r -> r.header("X-Amz-Target") == null)
                .map(r -> r.method() + " " + r.path().replaceAll("\\?.*", "")).toList();
    }

    private JsonNode body(String method, String path, int index) {
        return json(aws.requests().stream().filter(r -> r.method().equals(method) && r.path().equals(path))
                .toList().get(index).body());
    }

    private Recorded last(String method, String path) {
        List<Recorded> matching = aws.requests().stream()
                .filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
        return matching.get(matching.size() - 1);
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    /** The body without the SDK's generated idempotency token, which must be there. */
    private static JsonNode withoutRequestId(JsonNode body) {
        assertThat(body.path("requestId").asString()).matches("[0-9a-f-]{36}");
        ((tools.jackson.databind.node.ObjectNode) body).remove("requestId");
        return body;
    }
}
