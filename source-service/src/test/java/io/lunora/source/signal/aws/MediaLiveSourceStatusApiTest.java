package io.lunora.source.signal.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.identity.Group;
import io.lunora.testing.DynamoDbLocal;
import io.lunora.testing.RecordingHttpEndpoint;
import io.lunora.testing.RecordingHttpEndpoint.Recorded;
import io.lunora.testing.RecordingHttpEndpoint.Reply;
import io.lunora.testing.TestIssuer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.medialive.MediaLiveClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/sources/status} in aws mode: both inputs' health as streaming-control reads it
 * from MediaLive's metrics and alerts (a stand-in serves {@code /internal/streaming/channel}, reached
 * with the service's real client-credentials token), and, while streaming-control does not answer,
 * what MediaLive itself says (the real SDK against a stand-in) with the health flagged unknown.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "lunora.mode=aws", "lunora.secrets.kms-key-id=alias/lunora-test" })
class MediaLiveSourceStatusApiTest {
    static final TestIssuer issuer = new TestIssuer();
    static final RecordingHttpEndpoint aws = new RecordingHttpEndpoint();
    static final RecordingHttpEndpoint streaming = new RecordingHttpEndpoint();
    static final HttpClient http = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static volatile boolean mediaLiveFails;

    /** streaming-control's answer while the primary's encoder is gone and MediaLive failed over to the standby. */
    static final String FAILED_OVER = """
            {"running":true,"active_input":"secondary",
             "inputs":[{"input":"primary","connected":false,"bitrate_kbps":0,"last_packet_age_ms":24250,
                        "continuity_errors":0,"uptime_seconds":0},
                       {"input":"secondary","connected":true,"bitrate_kbps":7500,"last_packet_age_ms":0,
                        "continuity_errors":0,"uptime_seconds":0}],
             "outputs":[{"destination_id":"youtube-1","state":"live","bitrate_kbps":0,"bytes_sent":0,
                         "last_error":null}]}""";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        registry.add("lunora.dynamodb.endpoint", () -> DynamoDbLocal.shared().endpoint());
        registry.add("lunora.security.jwk-set-uri", issuer::jwkSetUri);
        registry.add("lunora.services.token-uri", () -> issuer.clientCredentialsTokenUri("lunora-services", "s"));
        registry.add("lunora.services.client-secret", () -> "s");
        registry.add("lunora.services.streaming-url", streaming::url);
        String data = Files.createTempDirectory("status-data").toString();
        registry.add("lunora.data-dir", () -> data);
    }

    @TestConfiguration
    static class StandInMediaLive {
        @Bean(destroyMethod = "close")
        @Primary
        MediaLiveClient standInMediaLiveClient() {
            return MediaLiveClient.builder().endpointOverride(URI.create(aws.url())).region(Region.US_EAST_1)
                    .httpClientBuilder(UrlConnectionHttpClient.builder())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t"))).build();
        }
    }

    @AfterAll
    static void close() {
        issuer.close();
        aws.close();
        streaming.close();
    }

    @LocalServerPort
    int port;

    final String operator = issuer.userToken("otto", "org-st", Group.OPERATORS);

    @BeforeEach
    void standInsAnswer() {
        mediaLiveFails = false;
        aws.clear();
        streaming.clear();
        aws.answer(r -> mediaLiveFails
                ? Reply.json(500, "{\"__type\":\"InternalServerErrorException\",\"message\":\"boom\"}")
                : switch (r.method() + " " + r.path().replaceAll("\\?.*", "")) {
                    case "GET /prod/channels" -> Reply.json(200,
                            "{\"channels\":[{\"id\":\"88\",\"name\":\"org-st-local-live\"}]}");
                    case "GET /prod/channels/88" -> Reply.json(200, """
                            {"id":"88","name":"org-st-local-live","state":"RUNNING","channelClass":"SINGLE_PIPELINE",
                             "inputAttachments":[{"inputAttachmentName":"primary","inputId":"i-1",
                                "automaticInputFailoverSettings":{"secondaryInputId":"i-2",
                                  "inputPreference":"EQUAL_INPUT_PREFERENCE"}},
                               {"inputAttachmentName":"secondary","inputId":"i-2"}],
                             "pipelineDetails":[{"pipelineId":"0","activeInputAttachmentName":"secondary"}]}""");
                    default -> Reply.json(404, "{\"message\":\"not here\"}");
                });
        streaming.answer(r -> new Reply(200, "application/json", FAILED_OVER));
    }

    @Test
    void shouldShowTheStandbysHealthAsStreamingControlReadsItFromMediaLive() throws Exception {
        HttpResponse<String> status = status();

        assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
        assertThat(JSON.readTree(status.body())).isEqualTo(JSON.readTree("""
                {"channel_running":true,"redundancy_mode":"auto_failover","active_input":"secondary",
                 "health_known":true,"notice":null,
                 "sources":[{"role":"primary","name":"Videon A","active":false,"connected":false,"bitrate_kbps":0,
                             "last_packet_age_ms":24250,"continuity_errors":0,"uptime_seconds":0},
                            {"role":"secondary","name":"Videon B","active":true,"connected":true,
                             "bitrate_kbps":7500,"last_packet_age_ms":0,"continuity_errors":0,
                             "uptime_seconds":0}]}"""));
        // MediaLive is read by streaming-control: DescribeChannel here would add nothing
        assertThat(aws.requests()).isEmpty();
    }

    @Test
    void shouldAskStreamingControlForTheCallersOrganizationWithAnInternalServiceToken() throws Exception {
        status();

        assertThat(streaming.requests()).hasSize(1);
        Recorded sent = streaming.requests().get(0);
        assertThat(sent.method()).isEqualTo("GET");
        assertThat(sent.path()).isEqualTo("/internal/streaming/channel?organization=org-st");
        String token = sent.header("Authorization").substring("Bearer ".length());
        JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8));
        assertThat(claims.path("scope").asString()).isEqualTo("internal");
        assertThat(claims.path("client_id").asString()).isEqualTo("lunora-services");
    }

    @Test
    void shouldShowWhatMediaLiveSaysWithTheHealthFlaggedUnknownWhileStreamingControlFails() throws Exception {
        streaming.answer(r -> new Reply(503, "application/problem+json",
                "{\"status\":503,\"title\":\"Media backend unavailable\"}"));

        HttpResponse<String> status = status();

        assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
        assertThat(JSON.readTree(status.body())).isEqualTo(JSON.readTree("""
                {"channel_running":true,"redundancy_mode":"auto_failover","active_input":"secondary",
                 "health_known":false,"notice":"%s",
                 "sources":[{"role":"primary","name":"Videon A","active":false,"connected":null,"bitrate_kbps":null,
                             "last_packet_age_ms":null,"continuity_errors":null,"uptime_seconds":null},
                            {"role":"secondary","name":"Videon B","active":true,"connected":null,
                             "bitrate_kbps":null,"last_packet_age_ms":null,"continuity_errors":null,
                             "uptime_seconds":null}]}""".formatted(MediaLiveSourceSignal.HEALTH_UNKNOWN)));
        assertThat(aws.requests()).extracting(r -> r.method() + " " + r.path().replaceAll("\\?.*", ""))
                .containsExactly("GET /prod/channels", "GET /prod/channels/88");
    }

    @Test
    void shouldAnswerServiceUnavailableWhenNeitherStreamingControlNorMediaLiveAnswers() throws Exception {
        streaming.answer(r -> new Reply(503, "application/problem+json", "{\"status\":503}"));
        mediaLiveFails = true;

        HttpResponse<String> status = status();

        assertThat(status.statusCode()).isEqualTo(503);
        assertThat(status.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(status.body()).path("title").asString()).isEqualTo("Media backend unavailable");
    }

    private HttpResponse<String> status() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/sources/status"))
                .header("Authorization", "Bearer " + operator).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
