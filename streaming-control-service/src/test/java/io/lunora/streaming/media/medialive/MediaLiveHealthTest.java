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
import io.lunora.streaming.media.ChannelStatus.InputHealth;
import io.lunora.streaming.media.ChannelStatus.OutputStatus;
import io.lunora.streaming.media.MediaEvent;
import io.lunora.streaming.media.OutputSpec;
import io.lunora.testing.RecordingHttpEndpoint;
import io.lunora.testing.RecordingHttpEndpoint.Recorded;
import io.lunora.testing.RecordingHttpEndpoint.Reply;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.medialive.MediaLiveClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Input health, output alerts and failover events of a running MediaLive channel, from what the
 * real SDK clients send to and read from a local endpoint standing in for MediaLive (REST JSON) and
 * CloudWatch. CloudWatch in SDK 2.40.2 speaks the AWS Query protocol: a form-encoded POST to
 * {@code /} and an XML answer, as in the CloudWatch API reference for GetMetricData
 * ({@code MetricDataQueries.member.N.MetricStat.Metric.Dimensions.member.N.Name/Value}, {@code Period},
 * {@code Stat}, {@code StartTime}, {@code EndTime}, {@code ScanBy}). ListAlerts is
 * {@code GET /prod/channels/{channelId}/alerts} with {@code maxResults} and {@code stateFilter}.
 */
class MediaLiveHealthTest {
    private static final String YOUTUBE_KEY = "yt-secret-key-0042";
    private static final MediaLiveSettings SETTINGS = new MediaLiveSettings("org-1", "dev",
            "arn:aws:iam::123456789012:role/lunora-org-1-dev-medialive", "org-1-dev-live", "lunora-org-1-dev",
            "lunora/dev/org-1/srt/", "arn:aws:kms:us-east-1:123456789012:key/k-1", Duration.ofHours(1),
            Duration.ofMillis(1), Duration.ofSeconds(5));
    private static final Instant START = Instant.parse("2026-11-24T12:00:04.250Z");

    private final RecordingHttpEndpoint aws = new RecordingHttpEndpoint();
    private final List<MediaEvent> events = new CopyOnWriteArrayList<>();
    private final MovingClock clock = new MovingClock(START);
    private MediaLiveClient medialive;
    private CloudWatchClient cloudwatch;
    private SecretsManagerClient secrets;
    private MediaLiveBackend backend;

    // what the stand-in answers now
    private volatile String activeInput = "primary";
    private volatile String preference = "PRIMARY_INPUT_PREFERRED";
    private volatile String alerts = "";
    private volatile String frames = "30.0,30.0";
    private volatile String networkIn = "7.5";
    private volatile String primaryActive = "1.0";

    @BeforeEach
    void pointTheSdkAtTheRecordingEndpoint() {
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        URI endpoint = URI.create(aws.url());
        medialive = MediaLiveClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        cloudwatch = CloudWatchClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        secrets = SecretsManagerClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        ChannelMonitor monitor = new ChannelMonitor(new CloudWatchChannelMetrics(cloudwatch),
                new MediaLiveChannelAlerts(medialive), Duration.ofSeconds(30), clock);
        backend = new MediaLiveBackend(medialive, new SrtInputs(medialive, secrets, SETTINGS), SETTINGS,
                Executors.newSingleThreadScheduledExecutor(), clock, monitor, PassingPackaging.check(SETTINGS), null);
        backend.subscribe(events::add);
        aws.answer(this::answer);
        // the settle delay never elapses during a test: only what is wanted is recorded
        backend.startChannel(channel());
        backend.startOutput("org-1", new OutputSpec("youtube-1", preset(), new PublishTarget("rtmp://a.rtmp.youtube.com/live2", YOUTUBE_KEY)));
        backend.startOutput("org-1", new OutputSpec("x-1", preset(), new PublishTarget("rtmp://x.example.com/x", "x-key")));
    }

    @AfterEach
    void close() {
        backend.close();
        medialive.close();
        cloudwatch.close();
        secrets.close();
        aws.close();
    }

    @Test
    void shouldAskCloudWatchForTheInputMetricsOfTheChannelsPipelineInOneGetMetricDataCall() {
        backend.status("org-1");

        Recorded sent = only(cloudWatchCalls());
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        Map<String, String> form = form(sent.body());
        Map<String, String> expected = new TreeMap<>(Map.of("Action", "GetMetricData", "Version", "2010-08-01",
                "StartTime", "2026-11-24T11:57:04Z", "EndTime", "2026-11-24T12:00:04Z", "ScanBy",
                "TimestampDescending"));
        String[][] queries = { { "frames", "InputVideoFrameRate", "Maximum" }, { "network", "NetworkIn", "Average" },
                { "primary", "PrimaryInputActive", "Minimum" } };
        for (int i = 0; i < queries.length; i++) {
            String q = "MetricDataQueries.member." + (i + 1) + ".";
            expected.put(q + "Id", queries[i][0]);
            expected.put(q + "ReturnData", "true");
            expected.put(q + "MetricStat.Period", "10");
            expected.put(q + "MetricStat.Stat", queries[i][2]);
            expected.put(q + "MetricStat.Metric.Namespace", "AWS/MediaLive");
            expected.put(q + "MetricStat.Metric.MetricName", queries[i][1]);
            expected.put(q + "MetricStat.Metric.Dimensions.member.1.Name", "ChannelId");
            expected.put(q + "MetricStat.Metric.Dimensions.member.1.Value", "4242");
            expected.put(q + "MetricStat.Metric.Dimensions.member.2.Name", "Pipeline");
            expected.put(q + "MetricStat.Metric.Dimensions.member.2.Value", "0");
        }
        assertThat(form).isEqualTo(expected);
    }

    @Test
    void shouldListOnlyTheChannelsSetAlerts() {
        backend.status("org-1");

        Recorded sent = only(aws.requests().stream().filter(r -> r.path().startsWith("/prod/channels/4242/alerts"))
                .toList());
        assertThat(sent.method()).isEqualTo("GET");
        assertThat(sent.path()).isEqualTo("/prod/channels/4242/alerts?maxResults=100&stateFilter=SET");
        assertThat(sent.body()).isEmpty();
    }

    @Test
    void shouldReadCloudWatchAtMostOncePerIntervalHoweverOftenStatusIsPolled() {
        for (int i = 0; i < 10; i++) {
            backend.status("org-1");
            clock.advance(Duration.ofSeconds(2));
        }
        assertThat(cloudWatchCalls()).hasSize(1);

        clock.advance(Duration.ofSeconds(11));
        backend.status("org-1");
        assertThat(cloudWatchCalls()).hasSize(2);
    }

    @Test
    void shouldReportTheInputOnAirWithItsFrameFlowAndTheChannelsIngestBitrate() {
        ChannelStatus status = backend.status("org-1");

        assertThat(status.activeInput()).isEqualTo("primary");
        assertThat(status.inputs()).containsExactly(new InputHealth("primary", true, 7500, 0, 0, 0),
                new InputHealth("secondary", true, 0, 0, 0, 0));
        assertThat(status.outputs()).extracting(OutputStatus::destinationId, OutputStatus::state,
                OutputStatus::lastError).containsExactlyInAnyOrder(tuple("x-1", "live", null),
                        tuple("youtube-1", "live", null));
        assertThat(events).isEmpty();
    }

    @Test
    void shouldShowTheStandbyInputDownWhileAnAlertNamesIt() {
        alerts = alert("Input Resource is Inaccessible",
                "Unable to connect to SRT listener 203.0.113.11:9999 for input [input-2]");

        ChannelStatus status = backend.status("org-1");

        assertThat(status.inputs()).containsExactly(new InputHealth("primary", true, 7500, 0, 0, 0),
                new InputHealth("secondary", false, 0, -1, 0, 0));
        assertThat(events).isEmpty();
    }

    @Test
    void shouldReportInputLossWhenThePrimaryFailsOverAndFailbackWhenItReturns() {
        backend.status("org-1");

        // the primary's encoder stops: MediaLive fails over, raises the alert and the primary is inactive
        activeInput = "secondary";
        alerts = alert("Input Failed Over", "Input failover: switched from the primary input");
        primaryActive = "0.0";
        clock.advance(Duration.ofSeconds(5));
        ChannelStatus failedOver = backend.status("org-1");

        assertThat(failedOver.activeInput()).isEqualTo("secondary");
        assertThat(failedOver.inputs()).extracting(InputHealth::input, InputHealth::connected)
                .containsExactly(tuple("primary", false), tuple("secondary", true));
        assertThat(switches()).containsExactly(tuple("primary", "secondary", "input_loss"));

        // healthy again for the error-clear time: MediaLive returns to the primary, the alert clears
        activeInput = "primary";
        alerts = "";
        primaryActive = "1.0";
        clock.advance(Duration.ofSeconds(30));
        ChannelStatus back = backend.status("org-1");

        assertThat(back.inputs()).extracting(InputHealth::input, InputHealth::connected)
                .containsExactly(tuple("primary", true), tuple("secondary", true));
        assertThat(switches()).containsExactly(tuple("primary", "secondary", "input_loss"),
                tuple("secondary", "primary", "failback"));
    }

    @Test
    void shouldReadTheAlertsAgainAtOnceWhenTheActiveInputChangesWithinTheInterval() {
        backend.status("org-1");
        activeInput = "secondary";
        alerts = alert("Input Failed Over", "Input failover: switched from the primary input");
        preference = "EQUAL_INPUT_PREFERENCE";
        clock.advance(Duration.ofSeconds(3));

        backend.status("org-1");

        assertThat(cloudWatchCalls()).hasSize(1);
        assertThat(switches()).containsExactly(tuple("primary", "secondary", "input_loss"));
    }

    @Test
    void shouldCallASwitchWithoutInputLossInAnEqualPreferencePairManual() {
        preference = "EQUAL_INPUT_PREFERENCE";
        backend.status("org-1");

        activeInput = "secondary";
        clock.advance(Duration.ofSeconds(12));
        backend.status("org-1");

        assertThat(switches()).containsExactly(tuple("primary", "secondary", "manual"));
    }

    @Test
    void shouldShowTheInputOnAirLostWhenNoFramesArriveAndSinceWhen() {
        frames = "0.0,0.0,30.0";

        ChannelStatus status = backend.status("org-1");

        // the last frames arrived in the period 11:59:30–11:59:40; it is 12:00:04.250
        assertThat(status.inputs().get(0)).isEqualTo(new InputHealth("primary", false, 0, 24_250, 0, 0));
    }

    @Test
    void shouldPutAnOutputsAlertOnItsDestinationUntilTheAlertClearsWithoutTheStreamKey() {
        alerts = alert("Failed RTMP Connection", "RTMP output [dest-youtube-1] could not connect to "
                + "rtmp://a.rtmp.youtube.com/live2/" + YOUTUBE_KEY);

        ChannelStatus alerted = backend.status("org-1");

        assertThat(alerted.outputs()).extracting(OutputStatus::destinationId, OutputStatus::state,
                OutputStatus::lastError).containsExactlyInAnyOrder(tuple("x-1", "live", null),
                        tuple("youtube-1", "retrying", "MediaLive alert: Failed RTMP Connection"));
        assertThat(alerted.toString()).doesNotContain(YOUTUBE_KEY);

        alerts = "";
        clock.advance(Duration.ofSeconds(30));
        assertThat(backend.status("org-1").outputs()).extracting(OutputStatus::state, OutputStatus::lastError)
                .containsExactly(tuple("live", null), tuple("live", null));
        assertThat(events).filteredOn(e -> e instanceof MediaEvent.OutputStateChanged)
                .map(e -> (MediaEvent.OutputStateChanged) e)
                .extracting(MediaEvent.OutputStateChanged::destinationId, MediaEvent.OutputStateChanged::state,
                        MediaEvent.OutputStateChanged::lastError)
                .containsExactly(tuple("youtube-1", "retrying", "MediaLive alert: Failed RTMP Connection"),
                        tuple("youtube-1", "live", null));
    }

    @Test
    void shouldKeepAnsweringStatusWhenCloudWatchFails() {
        cloudWatchFails = true;

        ChannelStatus status = backend.status("org-1");

        assertThat(status.running()).isTrue();
        assertThat(status.inputs()).extracting(InputHealth::input, InputHealth::connected)
                .containsExactly(tuple("primary", true), tuple("secondary", true));
    }

    // ------------------------------------------------------------------ the stand-in for AWS

    private volatile boolean cloudWatchFails;

    private Reply answer(Recorded r) {
        if (r.method().equals("POST") && r.path().equals("/")) {
            return cloudWatchFails ? new Reply(500, "text/xml", "<ErrorResponse><Error><Type>Receiver</Type>"
                    + "<Code>InternalServiceError</Code><Message>boom</Message></Error></ErrorResponse>")
                    : new Reply(200, "text/xml", metricData());
        }
        return switch (r.method() + " " + r.path().replaceAll("\\?.*", "")) {
            case "GET /prod/channels" -> Reply.json(200, "{\"channels\":[{\"id\":\"4242\",\"name\":\"org-1-dev-live\"}]}");
            case "GET /prod/channels/4242" -> Reply.json(200, """
                    {"id":"4242","name":"org-1-dev-live","state":"RUNNING","channelClass":"SINGLE_PIPELINE",
                     "inputAttachments":[{"inputAttachmentName":"primary","inputId":"input-1",
                       "automaticInputFailoverSettings":{"secondaryInputId":"input-2","inputPreference":"%s"}},
                       {"inputAttachmentName":"secondary","inputId":"input-2"}],
                     "pipelineDetails":[{"pipelineId":"0","activeInputAttachmentName":"%s"}]}"""
                    .formatted(preference, activeInput));
            case "GET /prod/channels/4242/alerts" -> Reply.json(200, "{\"alerts\":[" + alerts + "]}");
            default -> Reply.json(404, "{\"message\":\"not here\"}");
        };
    }

    /** GetMetricData's XML answer: the datapoints newest first, in 10 s periods ending at the last full one. */
    private String metricData() {
        return """
                <GetMetricDataResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/">
                  <GetMetricDataResult>
                    <MetricDataResults>%s%s%s</MetricDataResults>
                    <Messages/>
                  </GetMetricDataResult>
                  <ResponseMetadata><RequestId>6f1c3a52-0000-4000-8000-000000000001</RequestId></ResponseMetadata>
                </GetMetricDataResponse>""".formatted(result("frames", frames), result("network", networkIn),
                result("primary", primaryActive));
    }

    private String result(String id, String values) {
        List<String> points = values.isEmpty() ? List.of() : Arrays.asList(values.split(","));
        Instant newest = Instant.parse("2026-11-24T11:59:50Z");
        String timestamps = "";
        String members = "";
        for (int i = 0; i < points.size(); i++) {
            timestamps += "<member>" + newest.minusSeconds(10L * i) + "</member>";
            members += "<member>" + points.get(i) + "</member>";
        }
        return "<member><Id>" + id + "</Id><Label>" + id + "</Label><Timestamps>" + timestamps + "</Timestamps>"
                + "<Values>" + members + "</Values><StatusCode>Complete</StatusCode></member>";
    }

    private static String alert(String type, String message) {
        return """
                {"alertType":"%s","id":"a-1","message":"%s","pipelineId":"0",
                 "setTimestamp":"2026-11-24T12:00:00Z","state":"SET"}""".formatted(type, message);
    }

    private List<Recorded> cloudWatchCalls() {
        return aws.requests().stream().filter(r -> r.path().equals("/")).toList();
    }

    private List<org.assertj.core.groups.Tuple> switches() {
        return events.stream().filter(e -> e instanceof MediaEvent.InputSwitched).map(e -> (MediaEvent.InputSwitched) e)
                .map(e -> tuple(e.from(), e.to(), e.reason())).toList();
    }

    private static Recorded only(List<Recorded> requests) {
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    private static Map<String, String> form(String body) {
        return Arrays.stream(body.split("&")).map(p -> p.split("=", 2)).collect(Collectors.toMap(
                p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                p -> URLDecoder.decode(p.length > 1 ? p[1] : "", StandardCharsets.UTF_8), (a, b) -> a, TreeMap::new));
    }

    private static ChannelRequest channel() {
        ChannelRequest.Input a = new ChannelRequest.Input("Videon A", "caller", "203.0.113.10", 9998, 200, null, null, null);
        ChannelRequest.Input b = new ChannelRequest.Input("Videon B", "caller", "203.0.113.11", 9999, 120, null, null, null);
        return new ChannelRequest("org-1", "session-1", new Inputs("auto_failover", 5, "return_to_primary", 10, a, b),
                false);
    }

    private static EncodingPreset preset() {
        return new EncodingPreset("builtin-youtube", "youtube", "builtin-youtube", true, false,
                new VideoSettings("1920x1080", 30, 6000, "h264", "high", 2, 2),
                new AudioSettings("aac", 128, 48000, "stereo"), new AdvancedSettings(60, "cbr", 12000), 1L, null, null);
    }

    /** A clock the test moves: the monitor's interval and the switch times follow it. */
    private static final class MovingClock extends Clock {
        private volatile Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
