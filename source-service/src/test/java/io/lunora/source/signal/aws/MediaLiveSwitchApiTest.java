package io.lunora.source.signal.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.identity.Group;
import io.lunora.testing.DynamoDbLocal;
import io.lunora.testing.RecordingHttpEndpoint;
import io.lunora.testing.RecordingHttpEndpoint.Reply;
import io.lunora.testing.TestIssuer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
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
 * {@code POST /api/sources/switch} in aws mode: the answer tells the operator when MediaLive applies
 * the switch, and a pair that returns to the primary on its own refuses it with the way out. The
 * MediaLive client is the real SDK pointed at a local endpoint standing in for MediaLive.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "lunora.mode=aws", "lunora.secrets.kms-key-id=alias/lunora-test" })
class MediaLiveSwitchApiTest {
    static final TestIssuer issuer = new TestIssuer();
    static final RecordingHttpEndpoint aws = new RecordingHttpEndpoint();
    static final RecordingHttpEndpoint streaming = new RecordingHttpEndpoint();
    static final HttpClient http = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static volatile String channelClass = "STANDARD";
    static volatile String preference = "EQUAL_INPUT_PREFERENCE";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        registry.add("lunora.dynamodb.endpoint", () -> DynamoDbLocal.shared().endpoint());
        registry.add("lunora.security.jwk-set-uri", issuer::jwkSetUri);
        registry.add("lunora.services.token-uri", () -> issuer.clientCredentialsTokenUri("lunora-services", "s"));
        registry.add("lunora.services.client-secret", () -> "s");
        registry.add("lunora.services.streaming-url", streaming::url);
        streaming.answer(r -> new Reply(200, "application/json", """
                {"running":true,"active_input":"primary","inputs":[],"outputs":[]}"""));
        String data = Files.createTempDirectory("switch-data").toString();
        registry.add("lunora.data-dir", () -> data);
        aws.answer(r -> switch (r.method() + " " + r.path().replaceAll("\\?.*", "")) {
            case "GET /prod/channels" -> Reply.json(200,
                    "{\"channels\":[{\"id\":\"77\",\"name\":\"org-ml-local-live\"}]}");
            case "GET /prod/channels/77" -> Reply.json(200, """
                    {"id":"77","name":"org-ml-local-live","state":"RUNNING","channelClass":"%s",
                     "inputAttachments":[{"inputAttachmentName":"primary","inputId":"i-1",
                        "automaticInputFailoverSettings":{"secondaryInputId":"i-2","inputPreference":"%s"}},
                       {"inputAttachmentName":"secondary","inputId":"i-2"}],
                     "pipelineDetails":[{"pipelineId":"0","activeInputAttachmentName":"primary"},
                       {"pipelineId":"1","activeInputAttachmentName":"primary"}]}""".formatted(channelClass, preference));
            case "PUT /prod/channels/77/schedule" -> Reply.json(200, "{\"creates\":{\"scheduleActions\":[]}}");
            default -> Reply.json(404, "{\"message\":\"not here\"}");
        });
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

    final String operator = issuer.userToken("otto", "org-ml", Group.OPERATORS);

    @Test
    void shouldAnswerThatAStandardChannelSwitchesAboutTenSecondsLater() throws Exception {
        channelClass = "STANDARD";
        preference = "EQUAL_INPUT_PREFERENCE";

        HttpResponse<String> switched = post("{\"input\":\"secondary\"}");

        assertThat(switched.statusCode()).isEqualTo(202);
        JsonNode answer = JSON.readTree(switched.body());
        assertThat(answer.path("input").asString()).isEqualTo("secondary");
        assertThat(answer.path("notice").asString()).isEqualTo(MediaLiveSourceSignal.STANDARD_NOTICE)
                .contains("about 10 seconds");
        assertThat(aws.requests()).anyMatch(r -> r.path().equals("/prod/channels/77/schedule"));
    }

    @Test
    void shouldAnswerThatASinglePipelineChannelSwitchesAsSoonAsItCan() throws Exception {
        channelClass = "SINGLE_PIPELINE";
        preference = "EQUAL_INPUT_PREFERENCE";

        HttpResponse<String> switched = post("{\"input\":\"primary\"}");

        assertThat(switched.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(switched.body()).path("notice").asString())
                .isEqualTo(MediaLiveSourceSignal.SINGLE_PIPELINE_NOTICE);
    }

    @Test
    void shouldRefuseASwitchInAPairThatReturnsToThePrimaryAndSayHowToAllowIt() throws Exception {
        channelClass = "SINGLE_PIPELINE";
        preference = "PRIMARY_INPUT_PREFERRED";
        aws.clear();

        HttpResponse<String> refused = post("{\"input\":\"secondary\"}");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(refused.body()).path("detail").asString()).contains("Set failback to stay");
        assertThat(aws.requests()).noneMatch(r -> r.path().endsWith("/schedule"));
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/sources/switch"))
                .header("Authorization", "Bearer " + operator).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
