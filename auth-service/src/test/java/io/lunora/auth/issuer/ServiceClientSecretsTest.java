package io.lunora.auth.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.auth.AuthProperties;
import io.lunora.model.identity.ServiceClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceClientSecretsTest {
    @TempDir
    Path data;

    @Test
    void shouldGenerateOneOwnerOnlySecretFilePerServiceClientUnlessConfiguredAndDropTheSharedOnesFile()
            throws Exception {
        Files.writeString(data.resolve(ServiceClientSecrets.RETIRED_FILE), "old-shared-secret\n");
        AuthProperties properties = new AuthProperties(data, true, "admin", "",
                Map.of(ServiceClient.PRESET.clientId(), "chosen-preset-secret"));

        Map<ServiceClient, String> secrets = ServiceClientSecrets.resolve(properties, secret -> secret);

        assertThat(secrets).containsOnlyKeys(ServiceClient.values());
        assertThat(secrets.get(ServiceClient.PRESET)).isEqualTo("chosen-preset-secret");
        assertThat(data.resolve(ServiceClient.PRESET.secretFileName())).doesNotExist();
        for (ServiceClient client : new ServiceClient[] {ServiceClient.GATEWAY, ServiceClient.STREAMING_CONTROL,
                ServiceClient.VIEWER, ServiceClient.METRICS}) {
            Path file = data.resolve(client.secretFileName());
            assertThat(Files.readString(file).strip()).isEqualTo(secrets.get(client)).hasSizeGreaterThan(40);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(secrets.values()).doesNotHaveDuplicates();
        assertThat(data.resolve(ServiceClientSecrets.RETIRED_FILE)).doesNotExist();
        assertThat(ServiceClientSecrets.resolve(properties, secret -> secret)).as("kept across restarts")
                .isEqualTo(secrets);
    }
}
