package io.lunora.system.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.testing.ProjectPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The table of services and ports is written once, in docs/architecture.md ("Processes and
 * ports"); the launcher and docker-compose.yml (its image build arguments, container port and
 * published port) are checked against it, so a port changed in one place fails here instead of in a
 * user's deployment.
 */
class ServicePortsTest {
    record Row(String port, String portVariable) {
    }

    @Test
    void shouldGiveEveryServiceTheSamePortInTheLauncherComposeAndTheArchitectureTable() throws IOException {
        Map<String, Row> table = architectureTable();
        assertThat(table).containsKeys("gateway-service", "auth-service", "source-service", "destination-service",
                "preset-service", "streaming-control-service", "viewer-service", "media-engine", "dynamodb");

        String launcher = Files.readString(ProjectPaths.root().resolve("lunora"));
        String compose = Files.readString(ProjectPaths.root().resolve("docker-compose.yml"));
        for (Map.Entry<String, Row> service : table.entrySet()) {
            String name = service.getKey();
            Row row = service.getValue();
            assertThat(caseValue(launcher, "default_port", name)).as("launcher default_port of " + name)
                    .isEqualTo(row.port());
            assertThat(caseValue(launcher, "port_var", name)).as("launcher port_var of " + name)
                    .isEqualTo(row.portVariable());
            if (name.equals("dynamodb")) {
                continue; // compose runs the amazon/dynamodb-local image on its own port
            }
            String block = composeService(compose, name);
            assertThat(block).as("compose builds %s with the one Dockerfile", name)
                    .contains("args: { MODULE: " + name + ", PORT: \"" + row.port() + "\"");
            assertThat(block).as("compose's LUNORA_PORT of " + name).containsPattern("LUNORA_PORT: \"" + row.port() + "\"");
            assertThat(block).as("compose publishes %s on ${%s:-%s}", name, row.portVariable(), row.port())
                    .contains("${" + row.portVariable() + ":-" + row.port() + "}:" + row.port());
        }
    }

    @Test
    void shouldBuildEveryImageFromTheOneDockerfile() throws IOException {
        try (var modules = Files.list(ProjectPaths.root())) {
            assertThat(modules.filter(Files::isDirectory).map(m -> m.resolve("Dockerfile")).filter(Files::exists))
                    .as("no per-module Dockerfile: the root one takes MODULE and PORT").isEmpty();
        }
        assertThat(Files.readString(ProjectPaths.root().resolve("Dockerfile"))).contains("ARG MODULE", "ARG PORT");
    }

    /** The rows of the "Processes and ports" table: process → port and its variable. */
    private static Map<String, Row> architectureTable() throws IOException {
        String doc = Files.readString(ProjectPaths.root().resolve("docs/architecture.md"));
        String section = doc.substring(doc.indexOf("## Processes and ports"), doc.indexOf("\n## ", doc.indexOf(
                "## Processes and ports") + 3));
        Map<String, Row> rows = new LinkedHashMap<>();
        Matcher row = Pattern.compile("(?m)^\\| ([A-Za-z -]+?) \\| (\\d+) \\| `(LUNORA_[A-Z]+_PORT)` \\|").matcher(section);
        while (row.find()) {
            String process = row.group(1).equals("DynamoDB Local") ? "dynamodb" : row.group(1);
            rows.put(process, new Row(row.group(2), row.group(3)));
        }
        return rows;
    }

    /** The value a {@code case} arm of a launcher function gives for a service ({@code name) echo VALUE ;;}). */
    private static String caseValue(String launcher, String function, String name) {
        int start = launcher.indexOf(function + "() {");
        assertThat(start).as("launcher function " + function).isNotNegative();
        String body = launcher.substring(start, launcher.indexOf("\n}", start));
        Matcher arm = Pattern.compile("(?:^|\\s)" + Pattern.quote(name) + "\\) echo (\\S+) ;;").matcher(body);
        assertThat(arm.find()).as(function + " names " + name).isTrue();
        return arm.group(1);
    }

    private static String composeService(String compose, String name) {
        Matcher header = Pattern.compile("(?m)^  " + Pattern.quote(name) + ":\\s*$").matcher(compose);
        assertThat(header.find()).as("docker-compose.yml has " + name).isTrue();
        Matcher next = Pattern.compile("(?m)^  [a-z][a-z-]*:\\s*$").matcher(compose);
        int end = next.find(header.end()) ? next.start() : compose.length();
        return compose.substring(header.start(), end);
    }
}
