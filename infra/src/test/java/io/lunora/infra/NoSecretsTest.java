package io.lunora.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** No secret, password, key or passphrase is written into a template or a parameter file. */
class NoSecretsTest {
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|passphrase|secret|stream_?key|credential).*");
    private static final Pattern SECRET_SHAPES = Pattern.compile(
            "AKIA[0-9A-Z]{16}|-----BEGIN|aws_secret_access_key|rtmps?://[^\\s\"]+/[A-Za-z0-9]{4}-[A-Za-z0-9]{4}");

    /** Variables that name where a secret is, or which key encrypts it, not the secret itself. */
    private static final Pattern REFERENCE = Pattern.compile(".*(KMSKEYID|KMS_KEY_ID|PREFIX)$");

    @Test
    void shouldHoldNoSecretShapedTextInAnyFile() throws IOException {
        for (Path file : files()) {
            assertThat(Stacks.text(file)).as(file.toString()).doesNotContainPattern(SECRET_SHAPES);
        }
    }

    @Test
    void shouldGiveSecretNamedPropertiesNoLiteralValue() {
        List<String> literals = new ArrayList<>();
        Stacks.all().forEach((name, stack) -> Stacks.walk(stack, name, (path, value) -> {
            String key = path.substring(path.lastIndexOf('/') + 1);
            // booleans (GenerateSecret: true), numbers and intrinsic functions are not secrets
            if (SECRET_NAME.matcher(key).matches() && value.isString()) {
                literals.add(path + " = " + value.asString());
            }
        }));
        assertThat(literals).isEmpty();
    }

    private static final Pattern SERVICE_CLIENT_SECRET = Pattern.compile("LUNORA_\\w+_CLIENT_SECRET");

    @Test
    void shouldPassSecretsToContainersOnlyFromSecretsManager() {
        List<String> plain = new ArrayList<>();
        Stacks.resources(Stacks.read("services"), "AWS::ECS::TaskDefinition").forEach((id, task) -> {
            for (JsonNode container : task.path("Properties").path("ContainerDefinitions")) {
                for (JsonNode variable : container.path("Environment")) {
                    String name = variable.path("Name").asString();
                    if (SECRET_NAME.matcher(name).matches() && !REFERENCE.matcher(name).matches()) {
                        plain.add(id + " " + name);
                    }
                }
                // a container that asks for service tokens gets its own service client's secret, from Secrets
                // Manager, and no other service's (the relay and the callees only answer calls: they get none)
                boolean callsServices = container.path("Environment").findValuesAsString("Name").contains("LUNORA_TOKEN_URI");
                assertThat(container.path("Secrets").findValuesAsString("Name").stream()
                        .filter(name -> SERVICE_CLIENT_SECRET.matcher(name).matches()).count())
                        .as(id).isEqualTo(callsServices ? 1 : 0);
            }
        });
        assertThat(plain).isEmpty();
    }

    private static List<Path> files() throws IOException {
        try (Stream<Path> all = Files.walk(Stacks.DIR)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }
}
