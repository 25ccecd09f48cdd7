package io.lunora.streaming.media.medialive;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.identity.Group;
import io.lunora.model.media.PublishTarget;
import io.lunora.model.preset.EncodingPreset;
import io.lunora.model.preset.EncodingPreset.AdvancedSettings;
import io.lunora.model.preset.EncodingPreset.AudioSettings;
import io.lunora.model.preset.EncodingPreset.VideoSettings;
import io.lunora.model.media.ChannelRequest;
import io.lunora.model.media.ChannelRequest.Inputs;
import io.lunora.streaming.media.MediaBackend;
import io.lunora.streaming.media.OutputSpec;
import io.lunora.streaming.testing.PeerStandIns;
import io.lunora.testing.RecordingHttpEndpoint;
import io.lunora.testing.RecordingHttpEndpoint.Recorded;
import io.lunora.testing.RecordingHttpEndpoint.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.medialive.MediaLiveClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/sources/status} and {@code POST /api/sources/switch} in aws mode: the real
 * {@code MediaLiveBackend}, its health monitor and its input switch, with the real SDK clients
 * pointed at a local endpoint standing in for MediaLive (REST JSON) and CloudWatch (Query
 * protocol); source-service's configuration recorded on loopback.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "lunora.mode=aws",
        "lunora.medialive.organization-id=org-ml",
        "lunora.medialive.channel-role-arn=arn:aws:iam::123456789012:role/lunora-org-ml-local-medialive",
        "lunora.medialive.packaging-channel-id=org-ml-local-live", "lunora.medialive.recording-bucket=lunora-org-ml",
        "lunora.medialive.srt-secret-prefix=lunora/local/org-ml/srt/",
        "lunora.medialive.kms-key-id=arn:aws:kms:us-east-1:123456789012:key/k-1",
        // the alert webhooks' secrets: SSM SecureStrings with the environment's key in aws mode
        "lunora.secrets.kms-key-id=arn:aws:kms:us-east-1:123456789012:key/k-1",
        // the reconciliation never runs: only what is wanted is recorded, MediaLive's state is the stand-in's
        "lunora.medialive.settle=1h",
        // every status reads CloudWatch and the alerts again, so each test sees what the stand-in says now
        "lunora.medialive.health-interval=0s" })
@ExtendWith(OutputCaptureExtension.class)
class MediaLiveSourcesApiTest {
    static final String YOUTUBE_KEY = "yt-secret-key-0042";
    @RegisterExtension
    static final PeerStandIns standIns = new PeerStandIns();
    static final RecordingHttpEndpoint aws = new RecordingHttpEndpoint();
    static final HttpClient http = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static volatile String alerts = "";
    static volatile String channelClass = "SINGLE_PIPELINE";
    static volatile String preference = "EQUAL_INPUT_PREFERENCE";
    static volatile boolean mediaLiveFails;

    @TestConfiguration
    static class StandInAws {
        static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
                AwsBasicCredentials.create("test", "test"));

        @Bean(destroyMethod = "close")
        @Primary
        MediaLiveClient standInMediaLiveClient() {
            return MediaLiveClient.builder().endpointOverride(URI.create(aws.url())).region(Region.US_EAST_1)
                    .credentialsProvider(CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        }

        @Bean(destroyMethod = "close")
        @Primary
        CloudWatchClient standInCloudWatchClient() {
            return CloudWatchClient.builder().endpointOverride(URI.create(aws.url())).region(Region.US_EAST_1)
                    .credentialsProvider(CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        }
    }

    @AfterAll
    static void close() {
        aws.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    MediaBackend media;

    final String operator = standIns.issuer().userToken("otto", "org-ml", Group.OPERATORS);

    @BeforeEach
    void channelRunsWithOneDestination() {
        alerts = "";
        channelClass = "SINGLE_PIPELINE";
        preference = "EQUAL_INPUT_PREFERENCE";
        mediaLiveFails = false;
        aws.clear();
        aws.answer(MediaLiveSourcesApiTest::answer);
        standIns.peers().answer(r -> r.path().startsWith("/internal/sources/config") ? new Reply(200, "application/json", """
                {"mode":"auto_failover","failover_threshold":5,"failback":"stay","failback_after":10,
                 "primary":{"name":"Videon A","mode":"caller","host":"203.0.113.10","port":9998,"latency_ms":200},
                 "secondary":{"name":"Videon B","mode":"caller","host":"203.0.113.11","port":9999,"latency_ms":120}}""")
                : new Reply(200, "application/json", "[]"));
        ChannelRequest.Input a = new ChannelRequest.Input("Videon A", "caller", "203.0.113.10", 9998, 200, null, null, null);
        ChannelRequest.Input b = new ChannelRequest.Input("Videon B", "caller", "203.0.113.11", 9999, 120, null, null, null);
        media.startChannel(new ChannelRequest("org-ml", "session-1", new Inputs("auto_failover", 5, "stay", 10, a, b),
                false));
        media.startOutput("org-ml", new OutputSpec("youtube-1", preset(), new PublishTarget("rtmp://a.rtmp.youtube.com/live2", YOUTUBE_KEY)));
    }

    @Test
    void shouldShowBothInputsHealthWithTheStandbyDownWhileAnAlertNamesIt() throws Exception {
        alerts = alert("Input Resource is Inaccessible",
                "Unable to connect to SRT listener 203.0.113.11:9999 for input [input-2]");

        HttpResponse<String> answer = call("GET", "/api/sources/status", null);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body())).isEqualTo(JSON.readTree("""
                {"channel_running":true,"redundancy_mode":"auto_failover","active_input":"primary",
                 "health_known":true,"notice":null,"sources":[
                  {"role":"primary","name":"Videon A","active":true,"connected":true,"bitrate_kbps":7500,
                   "last_packet_age_ms":0,"continuity_errors":0,"uptime_seconds":0,"media":null},
                  {"role":"secondary","name":"Videon B","active":false,"connected":false,"bitrate_kbps":0,
                   "last_packet_age_ms":-1,"continuity_errors":0,"uptime_seconds":0,"media":null}]}"""));
    }

    @Test
    void shouldSendAnImmediateInputSwitchAndSayWhenASinglePipelineChannelAppliesIt(CapturedOutput output)
            throws Exception {
        HttpResponse<String> switched = call("POST", "/api/sources/switch",
                "{\"input\":\"secondary\",\"reason\":\"manual switch by operator\"}");

        assertThat(switched.statusCode()).as(switched.body()).isEqualTo(202);
        assertThat(JSON.readTree(switched.body()).path("notice").asString())
                .isEqualTo(MediaLiveInputSwitch.SINGLE_PIPELINE_NOTICE);
        Recorded schedule = aws.requests().stream().filter(r -> r.path().equals("/prod/channels/4242/schedule"))
                .findFirst().orElseThrow();
        JsonNode action = JSON.readTree(schedule.body()).path("creates").path("scheduleActions").get(0);
        assertThat(action.path("scheduleActionSettings").path("inputSwitchSettings")
                .path("inputAttachmentNameReference").asString()).isEqualTo("secondary");
        assertThat(action.path("scheduleActionStartSettings").has("immediateModeScheduleActionStartSettings")).isTrue();
        assertThat(output.getAll()).contains("manual switch by operator").doesNotContain(YOUTUBE_KEY);
    }

    @Test
    void shouldTellTheOperatorThatAStandardChannelSwitchesAboutTenSecondsLater() throws Exception {
        channelClass = "STANDARD";

        HttpResponse<String> switched = call("POST", "/api/sources/switch", "{\"input\":\"primary\"}");

        assertThat(switched.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(switched.body()).path("notice").asString())
                .isEqualTo(MediaLiveInputSwitch.STANDARD_NOTICE).contains("about 10 seconds");
    }

    @Test
    void shouldRefuseASwitchInAPairThatReturnsToThePrimaryAndSayHowToAllowIt() throws Exception {
        preference = "PRIMARY_INPUT_PREFERRED";

        HttpResponse<String> refused = call("POST", "/api/sources/switch", "{\"input\":\"secondary\"}");

        assertProblem(refused, 409);
        assertThat(JSON.readTree(refused.body()).path("detail").asString()).contains("Set failback to stay");
        assertThat(aws.requests()).noneMatch(r -> r.path().endsWith("/schedule"));
    }

    /** A tiny JPEG's bytes (start and end markers are what the test checks). */
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3, (byte) 0xFF,
        (byte) 0xD9};

    @Test
    void shouldShowTheActiveInputsPictureFromTheChannelsThumbnailAndNoneOfTheStandby() throws Exception {
        HttpResponse<byte[]> active = callBytes("/api/sources/primary/preview");
        assertThat(active.statusCode()).isEqualTo(200);
        assertThat(active.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(active.body()).isEqualTo(JPEG);
        Recorded thumbnails = aws.requests().stream().filter(r -> r.path().startsWith("/prod/channels/4242/thumbnails"))
                .findFirst().orElseThrow();
        assertThat(thumbnails.method()).isEqualTo("GET");
        assertThat(thumbnails.path()).contains("pipelineId=0", "thumbnailType=CURRENT_ACTIVE");

        HttpResponse<byte[]> standby = callBytes("/api/sources/secondary/preview");
        assertThat(standby.statusCode()).isEqualTo(404);
    }

    @Test
    void shouldAnswerServiceUnavailableWhenMediaLiveFails() throws Exception {
        mediaLiveFails = true;

        HttpResponse<String> status = call("GET", "/api/sources/status", null);
        HttpResponse<String> switched = call("POST", "/api/sources/switch", "{\"input\":\"secondary\"}");

        for (HttpResponse<String> answer : List.of(status, switched)) {
            assertProblem(answer, 503);
            assertThat(JSON.readTree(answer.body()).path("detail").asString())
                    .contains("MediaLive refused: InternalServerErrorException (HTTP 500)").doesNotContain("boom");
        }
    }

    // ------------------------------------------------------------------ the stand-in for AWS

    private static Reply answer(Recorded r) {
        if (mediaLiveFails) {
            return Reply.json(500, "{\"__type\":\"InternalServerErrorException\",\"message\":\"boom\"}");
        }
        if (r.method().equals("POST") && r.path().equals("/")) {
            return new Reply(200, "text/xml", METRIC_DATA);
        }
        return switch (r.method() + " " + r.path().replaceAll("\\?.*", "")) {
            case "GET /prod/channels" -> Reply.json(200,
                    "{\"channels\":[{\"id\":\"4242\",\"name\":\"org-ml-local-live\"}]}");
            case "GET /prod/channels/4242" -> Reply.json(200, """
                    {"id":"4242","name":"org-ml-local-live","state":"RUNNING","channelClass":"%s",
                     "inputAttachments":[{"inputAttachmentName":"primary","inputId":"input-1",
                       "automaticInputFailoverSettings":{"secondaryInputId":"input-2",
                         "inputPreference":"%s"}},
                       {"inputAttachmentName":"secondary","inputId":"input-2"}],
                     "pipelineDetails":[{"pipelineId":"0","activeInputAttachmentName":"primary"}]}"""
                    .formatted(channelClass, preference));
            case "GET /prod/channels/4242/alerts" -> Reply.json(200, "{\"alerts\":[" + alerts + "]}");
            case "PUT /prod/channels/4242/schedule" -> Reply.json(200, "{\"creates\":{\"scheduleActions\":[]}}");
            // DescribeThumbnails as the API reference answers it: one pipeline, the JPEG's bytes in base64
            case "GET /prod/channels/4242/thumbnails" -> Reply.json(200, """
                    {"thumbnailDetails":[{"pipelineId":"0","thumbnails":[{"body":"%s","contentType":"image/jpeg",
                      "thumbnailType":"CURRENT_ACTIVE","timeStamp":"2026-12-03T08:50:00Z"}]}]}"""
                    .formatted(java.util.Base64.getEncoder().encodeToString(JPEG)));
            default -> Reply.json(404, "{\"message\":\"not here\"}");
        };
    }

    /** GetMetricData's XML answer: frames arrive, 7.5 Mbit/s into the channel, the primary active. */
    private static final String METRIC_DATA = """
            <GetMetricDataResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/">
              <GetMetricDataResult>
                <MetricDataResults>
                  <member><Id>frames</Id><Label>frames</Label><Timestamps><member>2026-11-24T11:59:50Z</member>
                    </Timestamps><Values><member>30.0</member></Values><StatusCode>Complete</StatusCode></member>
                  <member><Id>network</Id><Label>network</Label><Timestamps><member>2026-11-24T11:59:50Z</member>
                    </Timestamps><Values><member>7.5</member></Values><StatusCode>Complete</StatusCode></member>
                  <member><Id>primary</Id><Label>primary</Label><Timestamps><member>2026-11-24T11:59:50Z</member>
                    </Timestamps><Values><member>1.0</member></Values><StatusCode>Complete</StatusCode></member>
                </MetricDataResults>
                <Messages/>
              </GetMetricDataResult>
              <ResponseMetadata><RequestId>6f1c3a52-0000-4000-8000-000000000002</RequestId></ResponseMetadata>
            </GetMetricDataResponse>""";

    private static String alert(String type, String message) {
        return """
                {"alertType":"%s","id":"a-1","message":"%s","pipelineId":"0",
                 "setTimestamp":"2026-11-24T12:00:00Z","state":"SET"}""".formatted(type, message);
    }

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + operator).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> callBytes(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + operator).header("Accept", "image/jpeg, application/problem+json")
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void assertProblem(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    private static EncodingPreset preset() {
        return new EncodingPreset("builtin-youtube", "youtube", "builtin-youtube", true, false,
                new VideoSettings("1920x1080", 30, 6000, "h264", "high", 2, 2),
                new AudioSettings("aac", 128, 48000, "stereo"), new AdvancedSettings(60, "cbr", 12000), 1L, null, null);
    }
}
