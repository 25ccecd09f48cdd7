package io.lunora.aws.compose;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml as Compose sees it for a given environment: anchors and merge keys resolved
 * by the YAML parser, then {@code ${NAME}} and {@code ${NAME:-default}} (nested) interpolated.
 */
final class ComposeFile {
    private final Map<String, Object> root;
    private final Map<String, String> variables;

    private ComposeFile(Map<String, Object> root, Map<String, String> variables) {
        this.root = root;
        this.variables = variables;
    }

    static ComposeFile read(Path file, Map<String, String> variables) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return new ComposeFile(new Yaml().load(in), variables);
        }
    }

    /** {@code KEY=VALUE} lines of an env file; comments and blank lines skipped. */
    static Map<String, String> envFile(Path file) throws IOException {
        Map<String, String> values = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                int eq = trimmed.indexOf('=');
                values.put(trimmed.substring(0, eq), trimmed.substring(eq + 1));
            }
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> services() {
        return (Map<String, Object>) root.get("services");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> service(String name) {
        return (Map<String, Object>) services().get(name);
    }

    @SuppressWarnings("unchecked")
    List<String> profiles(String service) {
        return (List<String>) service(service).getOrDefault("profiles", List.of());
    }

    /** The service's environment, interpolated. */
    @SuppressWarnings("unchecked")
    Map<String, String> environment(String service) {
        Map<String, String> env = new HashMap<>();
        Object raw = service(service).getOrDefault("environment", Map.of());
        ((Map<String, Object>) raw).forEach((k, v) -> env.put(k, interpolate(String.valueOf(v))));
        return env;
    }

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> dependsOn(String service) {
        return (Map<String, Map<String, Object>>) service(service).getOrDefault("depends_on", Map.of());
    }

    String interpolate(String value) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            if (value.startsWith("${", i)) {
                int end = closing(value, i + 2);
                out.append(resolve(value.substring(i + 2, end)));
                i = end + 1;
            } else {
                out.append(value.charAt(i++));
            }
        }
        return out.toString();
    }

    private String resolve(String expression) {
        int dash = expression.indexOf(":-");
        String name = dash < 0 ? expression : expression.substring(0, dash);
        String set = variables.get(name);
        if (set != null && !set.isEmpty()) {
            return set;
        }
        return dash < 0 ? "" : interpolate(expression.substring(dash + 2));
    }

    private static int closing(String value, int from) {
        int depth = 1;
        for (int i = from; i < value.length(); i++) {
            if (value.startsWith("${", i)) {
                depth++;
                i++;
            } else if (value.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unclosed ${ in " + value);
    }
}
