package io.lunora.support.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.testing.RecordingHttpEndpoint;
import io.lunora.testing.RecordingHttpEndpoint.Reply;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * {@code lunora.mode} picks the secret store unless {@code lunora.secrets.store} names one, so the
 * SSM adapter can run against LocalStack while the rest of a service stays local.
 */
class SecretStoreSelectionTest {
    @TempDir
    Path data;

    final RecordingHttpEndpoint endpoint = new RecordingHttpEndpoint();

    ApplicationContextRunner context() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(SecretStoreAutoConfiguration.class))
                .withPropertyValues("lunora.secrets.enabled=true", "lunora.data-dir=" + data.resolve("data"),
                        "lunora.secrets.key-dir=" + data.resolve("keys"));
    }

    @AfterEach
    void close() {
        endpoint.close();
    }

    @Test
    void shouldKeepTheLocalStoreByDefaultAndSsmInAwsMode() {
        context().run(c -> assertThat(c).getBean(SecretStore.class).isInstanceOf(LocalSecretStore.class));
        context().withPropertyValues("lunora.mode=aws", "lunora.secrets.kms-key-id=alias/lunora")
                .run(c -> assertThat(c).getBean(SecretStore.class).isInstanceOf(SsmSecretStore.class));
    }

    @Test
    void shouldLetTheStorePropertyOverrideTheMode() {
        context().withPropertyValues("lunora.mode=aws", "lunora.secrets.store=local")
                .run(c -> assertThat(c).getBean(SecretStore.class).isInstanceOf(LocalSecretStore.class));
    }

    @Test
    void shouldSendSsmCallsToTheConfiguredEndpointInLocalMode() {
        endpoint.answer(r -> Reply.json(200, "{\"Version\":1,\"Tier\":\"Standard\"}"));

        context().withPropertyValues("lunora.secrets.store=ssm", "lunora.secrets.endpoint=" + endpoint.url(),
                "lunora.secrets.kms-key-id=alias/lunora-local").run(c -> {
                    c.getBean(SecretStore.class).put("/lunora-player/streaming/youtube/stream-key-d-1", "key-value-1234");

                    RecordingHttpEndpoint.Recorded put = endpoint.requests().get(0);
                    assertThat(put.header("X-Amz-Target")).isEqualTo("AmazonSSM.PutParameter");
                    assertThat(put.header("Authorization")).contains("Credential=test/");
                    assertThat(put.body()).contains("\"KeyId\":\"alias/lunora-local\"");
                });
    }

    @Test
    void shouldRefuseAnUnknownStoreByName() {
        context().withPropertyValues("lunora.secrets.store=vault")
                .run(c -> assertThat(c).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("lunora.secrets.store must be local or ssm"));
    }
}
