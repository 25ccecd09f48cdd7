package io.lunora.aws.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.aws.LocalStack;
import io.lunora.testing.ProjectPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The localstack profile of docker-compose.yml: with docker/localstack.env the services' DynamoDB
 * and secret store go to LocalStack; without it every service is configured as before.
 */
class LocalStackComposeProfileTest {
    static final Path ROOT = ProjectPaths.root();
    /** The services that read LUNORA_DYNAMODB_ENDPOINT (all but the media engine and the gateway use it). */
    static final List<String> SPRING_SERVICES = List.of("auth-service", "source-service", "destination-service",
            "preset-service", "streaming-control-service", "viewer-service");

    static ComposeFile compose(Map<String, String> variables) throws IOException {
        return ComposeFile.read(ROOT.resolve("docker-compose.yml"), variables);
    }

    static Map<String, String> localstackEnv() throws IOException {
        return ComposeFile.envFile(ROOT.resolve("docker/localstack.env"));
    }

    @Test
    void shouldKeepEveryServiceLocalWithoutTheLocalStackSettings() throws IOException {
        ComposeFile compose = compose(Map.of());

        for (String service : SPRING_SERVICES) {
            Map<String, String> env = compose.environment(service);
            assertThat(env).as(service).containsEntry("LUNORA_DYNAMODB_ENDPOINT", "http://dynamodb:8000")
                    .containsEntry("LUNORA_SECRETS_STORE", "local").containsEntry("LUNORA_SECRETS_ENDPOINT", "")
                    .containsEntry("LUNORA_ISSUER", "http://localhost:8080");
        }
        assertThat(compose.services().keySet()).filteredOn(s -> !compose.profiles(s).isEmpty())
                .containsExactly("localstack");
    }

    @Test
    void shouldPointDynamoDbAndTheSecretStoreAtLocalStackWithItsEnvFile() throws IOException {
        Map<String, String> variables = localstackEnv();
        ComposeFile compose = compose(variables);

        assertThat(variables).containsEntry("COMPOSE_PROFILES", "localstack");
        for (String service : SPRING_SERVICES) {
            assertThat(compose.environment(service)).as(service)
                    .containsEntry("LUNORA_DYNAMODB_ENDPOINT", "http://localstack:4566")
                    .containsEntry("LUNORA_SECRETS_STORE", "ssm")
                    .containsEntry("LUNORA_SECRETS_ENDPOINT", "http://localstack:4566")
                    .containsEntry("LUNORA_SECRETS_KMSKEYID", "alias/lunora-local");
        }
    }

    @Test
    void shouldStartLocalStackOnlyInItsProfileWithTheKeyTheServicesName() throws IOException {
        ComposeFile compose = compose(Map.of());

        assertThat(compose.profiles("localstack")).containsExactly("localstack");
        assertThat(compose.service("localstack").get("image")).isEqualTo(LocalStack.IMAGE.asCanonicalNameString());
        assertThat(compose.environment("localstack").get("SERVICES").split(","))
                .contains("dynamodb", "ssm", "kms");
        assertThat(Files.readString(ROOT.resolve("docker/localstack/init/01-kms-key.sh")))
                .contains("create-alias --alias-name " + localstackEnv().get("LUNORA_COMPOSE_KMS_KEY_ID"));
    }

    @Test
    void shouldMakeEveryServiceOnDynamoDbWaitForLocalStackWhenItRuns() throws IOException {
        ComposeFile compose = compose(Map.of());

        for (String service : SPRING_SERVICES) {
            assertThat(compose.dependsOn(service)).as(service).containsKey("dynamodb");
            assertThat(compose.dependsOn(service).get("localstack")).as(service)
                    .containsEntry("condition", "service_healthy").containsEntry("required", false);
        }
    }
}
