package io.lunora.streaming.media.medialive;

import io.lunora.model.media.ChannelRequest;
import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.aws.LocalStack;
import io.lunora.testing.RecordingHttpEndpoint;
import io.lunora.testing.RecordingHttpEndpoint.Reply;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.medialive.MediaLiveClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/**
 * The SRT passphrases of the MediaLive inputs in LocalStack's Secrets Manager. MediaLive itself is
 * not emulated by LocalStack's community image, so only its input listing is answered by a
 * recording endpoint; the secret calls are the real ones against LocalStack.
 */
class SrtPassphraseSecretsIT {
    static final String FIRST = "first-srt-passphrase-0123";
    static final String SECOND = "second-srt-passphrase-4567";

    final RecordingHttpEndpoint medialiveEndpoint = new RecordingHttpEndpoint();
    MediaLiveClient medialive;
    SecretsManagerClient secrets;
    SrtInputs inputs;
    String kmsKeyArn;

    @BeforeEach
    void start() {
        medialiveEndpoint.answer(r -> new Reply(200, "application/json", "{\"inputs\":[]}"));
        medialive = MediaLiveClient.builder().endpointOverride(URI.create(medialiveEndpoint.url())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        secrets = LocalStack.secretsManager();
        kmsKeyArn = LocalStack.createKmsKey("lunora environment key (aws-tests)");
        String run = UUID.randomUUID().toString().substring(0, 8);
        inputs = new SrtInputs(medialive, secrets, new MediaLiveSettings("org-1", "dev",
                "arn:aws:iam::000000000000:role/lunora-org-1-dev-medialive", "org-1-dev-live", "lunora-org-1-dev",
                "lunora/dev/org-1/srt/" + run + "/", kmsKeyArn, Duration.ofSeconds(2), Duration.ofSeconds(1),
                Duration.ofSeconds(30)));
    }

    @AfterEach
    void close() {
        medialive.close();
        secrets.close();
        medialiveEndpoint.close();
    }

    static ChannelRequest.Input source(String passphrase) {
        return new ChannelRequest.Input("Videon A", "caller", "203.0.113.10", 9998, 200, passphrase, 32, "videon-a");
    }

    static String secretArn(SrtInputs.Planned planned) {
        return planned.settings().srtCallerSources().get(0).decryption().passphraseSecretArn();
    }

    @Test
    void shouldCreateTheSecretWithTheEnvironmentKeyAndNameItsArnInTheInput() {
        SrtInputs.Planned planned = inputs.plan("org-1", "videon-a", source(FIRST));

        String arn = secretArn(planned);
        assertThat(secrets.getSecretValue(b -> b.secretId(arn)).secretString()).isEqualTo(FIRST);
        DescribeSecretResponse described = secrets.describeSecret(b -> b.secretId(arn));
        assertThat(described.name()).endsWith("/videon-a");
        assertThat(described.kmsKeyId()).satisfiesAnyOf(key -> assertThat(key).isEqualTo(kmsKeyArn),
                key -> assertThat(kmsKeyArn).endsWith(":key/" + key));
        assertThat(described.tags()).extracting(Tag::key, Tag::value)
                .contains(org.assertj.core.groups.Tuple.tuple("lunora:organization", "org-1"));
        assertThat(planned.settings().srtCallerSources().get(0).decryption().algorithmAsString()).isEqualTo("AES256");
        assertThat(medialiveEndpoint.requests()).allSatisfy(r -> assertThat(r.path() + r.body()).doesNotContain(FIRST));
    }

    @Test
    void shouldPutANewVersionUnderTheSameArnAndKeepThePreviousOne() {
        String first = secretArn(inputs.plan("org-1", "videon-a", source(FIRST)));

        String second = secretArn(inputs.plan("org-1", "videon-a", source(SECOND)));

        assertThat(second).isEqualTo(first);
        assertThat(secrets.getSecretValue(b -> b.secretId(first)).secretString()).isEqualTo(SECOND);
        assertThat(secrets.getSecretValue(b -> b.secretId(first).versionStage("AWSPREVIOUS")).secretString())
                .isEqualTo(FIRST);
    }
}
