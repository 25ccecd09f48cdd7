package io.lunora.source.signal.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lunora.source.signal.SignalStatus;
import io.lunora.support.problem.ConflictException;
import io.lunora.testing.FreePorts;
import io.lunora.testing.RecordingHttpEndpoint;
import io.lunora.testing.RecordingHttpEndpoint.Reply;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.client.RestClient;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.medialive.MediaLiveClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The InputSwitch the SDK sends to a local endpoint standing in for MediaLive, as the MediaLive API
 * reference shapes BatchUpdateSchedule ({@code PUT /prod/channels/{channelId}/schedule},
 * {@code creates.scheduleActions[]} with {@code immediateModeScheduleActionStartSettings} and
 * {@code inputSwitchSettings.inputAttachmentNameReference}), and the status MediaLive alone gives
 * when streaming-control cannot be reached.
 */
class MediaLiveSourceSignalTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final RecordingHttpEndpoint aws = new RecordingHttpEndpoint();
    private final MediaLiveClient medialive = MediaLiveClient.builder().endpointOverride(URI.create(aws.url()))
            .region(Region.US_EAST_1).httpClientBuilder(UrlConnectionHttpClient.builder())
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
    // nothing listens there: streaming-control cannot be reached
    private final MediaLiveSourceSignal signal = new MediaLiveSourceSignal(medialive,
            new StreamingControlChannel(RestClient.create("http://127.0.0.1:" + FreePorts.next())), "dev",
            Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC));
    private volatile String state = "RUNNING";
    private volatile String preference = "EQUAL_INPUT_PREFERENCE";
    private volatile String channelClass = "SINGLE_PIPELINE";

    MediaLiveSourceSignalTest() {
        aws.answer(r -> switch (r.method() + " " + r.path().replaceAll("\\?.*", "")) {
            case "GET /prod/channels" -> Reply.json(200, "{\"channels\":[{\"id\":\"4242\",\"name\":\"org-1-dev-live\"}]}");
            case "GET /prod/channels/4242" -> Reply.json(200, """
                    {"id":"4242","name":"org-1-dev-live","state":"%s","channelClass":"%s",
                     "inputAttachments":[{"inputAttachmentName":"primary","inputId":"input-1",
                        "automaticInputFailoverSettings":{"secondaryInputId":"input-2","inputPreference":"%s"}},
                       {"inputAttachmentName":"secondary","inputId":"input-2"}],
                     "pipelineDetails":[{"pipelineId":"0","activeInputAttachmentName":"primary"}]}"""
                    .formatted(state, channelClass, preference));
            case "PUT /prod/channels/4242/schedule" -> Reply.json(200, "{\"creates\":{\"scheduleActions\":[]}}");
            default -> Reply.json(404, "{\"__type\":\"NotFoundException\",\"message\":\"no\"}");
        });
    }

    @AfterEach
    void close() {
        medialive.close();
        aws.close();
    }

    @Test
    void shouldSendAnImmediateInputSwitchNamingTheAttachment() {
        signal.switchTo("org-1", "secondary", "manual switch by op");

        RecordingHttpEndpoint.Recorded sent = aws.requests().stream()
                .filter(r -> r.path().equals("/prod/channels/4242/schedule")).findFirst().orElseThrow();
        assertThat(sent.method()).isEqualTo("PUT");
        assertThat(JSON.readTree(sent.body())).isEqualTo(JSON.readTree("""
                {"creates":{"scheduleActions":[{"actionName":"switch-secondary-1700000000000",
                  "scheduleActionSettings":{"inputSwitchSettings":{"inputAttachmentNameReference":"secondary"}},
                  "scheduleActionStartSettings":{"immediateModeScheduleActionStartSettings":{}}}]}}"""));
    }

    @Test
    void shouldTellTheOperatorWhenEachChannelClassAppliesTheSwitch() {
        assertThat(signal.switchTo("org-1", "secondary", "manual")).contains(
                "MediaLive applies the switch as soon as it can; the source on air changes in the live status when it has.");

        channelClass = "STANDARD";
        assertThat(signal.switchTo("org-1", "primary", "manual")).hasValueSatisfying(notice -> assertThat(notice)
                .contains("standard (two-pipeline) channel", "about 10 seconds from now"));
    }

    @Test
    void shouldRefuseAManualSwitchWhileThePairReturnsToThePrimaryOnItsOwn() {
        preference = "PRIMARY_INPUT_PREFERRED";

        assertThatThrownBy(() -> signal.switchTo("org-1", "secondary", "manual"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("stay");
        assertThat(aws.requests()).noneMatch(r -> r.path().endsWith("/schedule"));
    }

    @Test
    void shouldReportTheActiveAttachmentWithHealthUnknownWhileStreamingControlCannotBeReached() {
        SignalStatus running = signal.status("org-1");

        assertThat(running).isEqualTo(new SignalStatus(true, "primary", List.of(SignalStatus.Input.unknown("primary"),
                SignalStatus.Input.unknown("secondary")), MediaLiveSourceSignal.HEALTH_UNKNOWN));
        assertThat(aws.requests()).extracting(r -> r.method() + " " + r.path())
                .containsExactly("GET /prod/channels?maxResults=100", "GET /prod/channels/4242");

        state = "IDLE";
        assertThat(signal.status("org-1")).isEqualTo(new SignalStatus(false, null, List.of(),
                MediaLiveSourceSignal.HEALTH_UNKNOWN));
        assertThatThrownBy(() -> signal.switchTo("org-1", "secondary", "manual")).isInstanceOf(ConflictException.class);
    }

    @Test
    void shouldAnswerServiceUnavailableWhenNeitherStreamingControlNorMediaLiveAnswers() {
        aws.answer(r -> Reply.json(500, "{\"__type\":\"InternalServerErrorException\",\"message\":\"boom\"}"));

        assertThatThrownBy(() -> signal.status("org-1")).isInstanceOf(ErrorResponseException.class)
                .satisfies(e -> assertThat(((ErrorResponseException) e).getStatusCode().value()).isEqualTo(503));
    }
}
