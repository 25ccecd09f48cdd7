package io.lunora.streaming.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.identity.Group;
import io.lunora.model.preset.EncodingPreset;
import io.lunora.model.preset.EncodingPreset.AdvancedSettings;
import io.lunora.model.preset.EncodingPreset.AudioSettings;
import io.lunora.model.preset.EncodingPreset.VideoSettings;
import io.lunora.streaming.media.ChannelSpec;
import io.lunora.streaming.media.ChannelSpec.Inputs;
import io.lunora.streaming.media.ChannelSpec.SrtInput;
import io.lunora.streaming.media.MediaBackend;
import io.lunora.streaming.media.OutputSpec;
import io.lunora.testing.DynamoDbLocal;
import io.lunora.testing.RecordingHttpEndpoint;
import io.lunora.testing.RecordingHttpEndpoint.Recorded;
import io.lunora.testing.RecordingHttpEndpoint.Reply;
import io.lunora.testing.TestIssuer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.medialive.MediaLiveClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /internal/streaming/channel} in aws mode: the real {@code MediaLiveBackend} and its
 * health monitor, with the real SDK clients pointed at a local endpoint standing in for MediaLive
 * (REST JSON) and CloudWatch (Query protocol), answer the channel as source-service reads it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "lunora.mode=aws",
        "lunora.medialive.organization-id=org-ic",
        "lunora.medialive.channel-role-arn=arn:aws:iam::123456789012:role/lunora-org-ic-local-medialive",
        "lunora.medialive.packaging-channel-id=org-ic-local-live", "lunora.medialive.recording-bucket=lunora-org-ic",
        "lunora.medialive.srt-secret-prefix=lunora/local/org-ic/srt/",
        "lunora.medialive.kms-key-id=arn:aws:kms:us-east-1:123456789012:key/k-1",
        // the reconciliation never runs: only what is wanted is recorded, MediaLive's state is the stand-in's
        "lunora.medialive.settle=1h",
        // every status reads CloudWatch and the alerts again, so each test sees what the stand-in says now
        "lunora.medialive.health-interval=0s" })
@ExtendWith(OutputCaptureExtension.class)
class InternalChannelApiTest {
    static final String YOUTUBE_KEY = "yt-secret-key-0042";
    static final TestIssuer issuer = new TestIssuer();
    static final RecordingHttpEndpoint aws = new RecordingHttpEndpoint();
    static final RecordingHttpEndpoint peers = new RecordingHttpEndpoint();
    static final HttpClient http = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static volatile String alerts = "";
    static volatile boolean mediaLiveFails;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("lunora.dynamodb.endpoint", () -> DynamoDbLocal.shared().endpoint());
        registry.add("lunora.security.jwk-set-uri", issuer::jwkSetUri);
        registry.add("lunora.services.token-uri", () -> issuer.clientCredentialsTokenUri("lunora-services", "s"));
        registry.add("lunora.services.client-secret", () -> "s");
        for (String peer : new String[] { "destination", "preset", "source", "engine", "viewer" }) {
            registry.add("lunora.services." + peer + "-url", peers::url);
        }
    }

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
        issuer.close();
        aws.close();
        peers.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    MediaBackend media;

    final String service = issuer.serviceToken("lunora-services", "internal");

    @BeforeEach
    void channelRunsWithOneDestination() {
        alerts = "";
        mediaLiveFails = false;
        aws.clear();
        aws.answer(InternalChannelApiTest::answer);
        peers.answer(r -> Reply.json(200, "[]"));
        SrtInput a = new SrtInput("Videon A", "caller", "203.0.113.10", 9998, 200, null, null, null);
        SrtInput b = new SrtInput("Videon B", "caller", "203.0.113.11", 9999, 120, null, null, null);
        media.startChannel(new ChannelSpec("org-ic", "session-1", new Inputs("auto_failover", 5, "stay", 10, a, b),
                false));
        media.startOutput("org-ic", new OutputSpec("youtube-1", preset(), "rtmp://a.rtmp.youtube.com/live2/" + YOUTUBE_KEY));
    }

    @Test
    void shouldAnswerBothInputsHealthWithTheStandbyDownWhileAnAlertNamesIt() throws Exception {
        alerts = alert("Input Resource is Inaccessible",
                "Unable to connect to SRT listener 203.0.113.11:9999 for input [input-2]");

        HttpResponse<String> answer = get("org-ic", service);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body())).isEqualTo(JSON.readTree("""
                {"running":true,"active_input":"primary",
                 "inputs":[{"input":"primary","connected":true,"bitrate_kbps":7500,"last_packet_age_ms":0,
                            "continuity_errors":0,"uptime_seconds":0},
                           {"input":"secondary","connected":false,"bitrate_kbps":0,"last_packet_age_ms":-1,
                            "continuity_errors":0,"uptime_seconds":0}],
                 "outputs":[{"destination_id":"youtube-1","state":"live","bitrate_kbps":0,"bytes_sent":0,
                             "last_error":null}],
                 "error":null}"""));
    }

    @Test
    void shouldCarryAnOutputsAlertWithoutItsStreamKey(CapturedOutput output) throws Exception {
        alerts = alert("Failed RTMP Connection", "RTMP output [dest-youtube-1] could not connect to "
                + "rtmp://a.rtmp.youtube.com/live2/" + YOUTUBE_KEY);

        HttpResponse<String> answer = get("org-ic", service);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).path("outputs").get(0).path("last_error").asString())
                .isEqualTo("MediaLive alert: Failed RTMP Connection");
        assertThat(answer.body()).doesNotContain(YOUTUBE_KEY);
        assertThat(output.getAll()).doesNotContain(YOUTUBE_KEY);
    }

    @Test
    void shouldAnswerNotRunningWithoutInputsForAnOrganizationWithoutChannel() throws Exception {
        HttpResponse<String> answer = get("org-other", service);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body())).isEqualTo(JSON.readTree(
                "{\"running\":false,\"active_input\":null,\"inputs\":[],\"outputs\":[],\"error\":null}"));
        assertThat(aws.requests()).noneMatch(InternalChannelApiTest::readsTheChannel);
    }

    @Test
    void shouldRefuseCallersWithoutAServiceTokenOfScopeInternal() throws Exception {
        assertProblem(get("org-ic", null), 401);
        assertProblem(get("org-ic", issuer.serviceToken("lunora-services", "openid")), 403);
        assertProblem(get("org-ic", issuer.userToken("otto", "org-ic", Group.OPERATORS)), 403);
        assertProblem(get("org-ic", issuer.userToken("ada", "org-ic", Group.ADMINS)), 403);
        assertThat(aws.requests()).noneMatch(InternalChannelApiTest::readsTheChannel);
    }

    @Test
    void shouldNameTheOrganizationParameterWhenItIsMalformed() throws Exception {
        HttpResponse<String> answer = get("org 1/../x", service);

        assertProblem(answer, 400);
        assertThat(JSON.readTree(answer.body()).path("errors").get(0).path("field").asString())
                .isEqualTo("organization");
        assertThat(aws.requests()).noneMatch(InternalChannelApiTest::readsTheChannel);
    }

    @Test
    void shouldAnswerServiceUnavailableWhenMediaLiveFails() throws Exception {
        mediaLiveFails = true;

        HttpResponse<String> answer = get("org-ic", service);

        assertProblem(answer, 503);
        assertThat(JSON.readTree(answer.body()).path("title").asString()).isEqualTo("Media backend unavailable");
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
                    "{\"channels\":[{\"id\":\"4242\",\"name\":\"org-ic-local-live\"}]}");
            case "GET /prod/channels/4242" -> Reply.json(200, """
                    {"id":"4242","name":"org-ic-local-live","state":"RUNNING","channelClass":"SINGLE_PIPELINE",
                     "inputAttachments":[{"inputAttachmentName":"primary","inputId":"input-1",
                       "automaticInputFailoverSettings":{"secondaryInputId":"input-2",
                         "inputPreference":"EQUAL_INPUT_PREFERENCE"}},
                       {"inputAttachmentName":"secondary","inputId":"input-2"}],
                     "pipelineDetails":[{"pipelineId":"0","activeInputAttachmentName":"primary"}]}""");
            case "GET /prod/channels/4242/alerts" -> Reply.json(200, "{\"alerts\":[" + alerts + "]}");
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

    /**
     * DescribeChannel, ListAlerts or GetMetricData of org-ic's channel. (The scheduled counters'
     * refresh may list channels for open sessions that other tests left in DynamoDB Local.)
     */
    private static boolean readsTheChannel(Recorded r) {
        return r.path().startsWith("/prod/channels/4242") || r.path().equals("/");
    }

    private static String alert(String type, String message) {
        return """
                {"alertType":"%s","id":"a-1","message":"%s","pipelineId":"0",
                 "setTimestamp":"2026-11-24T12:00:00Z","state":"SET"}""".formatted(type, message);
    }

    private HttpResponse<String> get(String organization, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/internal/streaming/channel?organization=" + java.net.URLEncoder.encode(organization,
                        java.nio.charset.StandardCharsets.UTF_8)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
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
