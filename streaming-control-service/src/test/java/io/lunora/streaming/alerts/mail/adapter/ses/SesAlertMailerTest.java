package io.lunora.streaming.alerts.mail.adapter.ses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.lunora.streaming.alerts.mail.AlertMail;
import io.lunora.streaming.alerts.mail.AlertMailer;
import io.lunora.testing.RecordingHttpEndpoint;
import io.lunora.testing.RecordingHttpEndpoint.Reply;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exact request the SES adapter sends, against a local endpoint answering as the SES API v2
 * reference's SendEmail does ({@code POST /v2/email/outbound-emails}, REST-JSON, 200 with a
 * {@code MessageId}), and what its refusals become.
 */
class SesAlertMailerTest {
    static final JsonMapper json = JsonMapper.builder().build();

    final RecordingHttpEndpoint endpoint = new RecordingHttpEndpoint();
    final SesV2Client ses = SesV2Client.builder().endpointOverride(URI.create(endpoint.url()))
            .region(Region.EU_WEST_1).overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
            .build();
    final SesAlertMailer mailer = new SesAlertMailer(ses, "alerts@lunora.example.com");
    final AlertMail mail = new AlertMail("oncall@example.com", "[Lunora CRITICAL] Source lost on primary",
            "CRITICAL alert: Source lost\n\nSource:      primary\n");

    @AfterEach
    void close() {
        ses.close();
        endpoint.close();
    }

    @Test
    void shouldSendOnePlainTextMailFromTheConfiguredSender() {
        endpoint.answer(r -> new Reply(200, "application/json", "{\"MessageId\":\"0102018e-example-000000\"}"));

        mailer.send(mail);

        RecordingHttpEndpoint.Recorded sent = endpoint.requests().getFirst();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/v2/email/outbound-emails");
        assertThat(sent.header("Content-Type")).startsWith("application/json");
        assertThat(sent.header("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                .contains("/eu-west-1/ses/aws4_request");
        assertThat(json.readTree(sent.body())).isEqualTo(json.readTree("""
                {"FromEmailAddress": "alerts@lunora.example.com",
                 "Destination": {"ToAddresses": ["oncall@example.com"]},
                 "Content": {"Simple": {
                   "Subject": {"Data": "[Lunora CRITICAL] Source lost on primary", "Charset": "UTF-8"},
                   "Body": {"Text": {"Data": "CRITICAL alert: Source lost\\n\\nSource:      primary\\n", "Charset": "UTF-8"}}}}}
                """));
    }

    @Test
    void shouldNotRetryAMessageSesRejects() {
        endpoint.answer(r -> new Reply(400, "application/json",
                "{\"message\":\"Email address is not verified. The following identities failed the check\"}"));

        AlertMailer.NotSent refused = catchThrowableOfType(AlertMailer.NotSent.class, () -> mailer.send(mail));

        assertThat(refused.retryable()).isFalse();
        assertThat(refused.getMessage()).contains("HTTP 400").doesNotContain("oncall@example.com");
    }

    @Test
    void shouldRetryWhenSesIsUnavailable() {
        endpoint.answer(r -> new Reply(503, "application/json", "{\"message\":\"Service unavailable\"}"));

        AlertMailer.NotSent unavailable = catchThrowableOfType(AlertMailer.NotSent.class, () -> mailer.send(mail));

        assertThat(unavailable.retryable()).isTrue();
        assertThat(endpoint.requests()).hasSize(1);
    }
}
