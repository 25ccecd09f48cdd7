package io.lunora.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The stacks under {@code infra/cloudformation}, read as plain YAML. */
final class Stacks {
    static final Path DIR = Path.of("cloudformation");
    static final List<String> NAMES = List.of("base", "data", "auth", "media", "services", "frontends");
    static final List<String> ENVIRONMENTS = List.of("dev", "staging", "prod");
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private Stacks() {
    }

    static Path file(String stack) {
        return DIR.resolve(stack + ".yaml");
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(String stack) {
        return YAML.readTree(text(file(stack)));
    }

    static Map<String, JsonNode> all() {
        Map<String, JsonNode> all = new LinkedHashMap<>();
        NAMES.forEach(n -> all.put(n, read(n)));
        return all;
    }

    /** Resources of one type, by logical id. */
    static Map<String, JsonNode> resources(JsonNode stack, String type) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> r : stack.path("Resources").properties()) {
            if (type.equals(r.getValue().path("Type").asString())) {
                found.put(r.getKey(), r.getValue());
            }
        }
        return found;
    }

    /** Every IAM policy statement of a role, inline policies included. */
    static List<JsonNode> statements(JsonNode role) {
        List<JsonNode> statements = new ArrayList<>();
        for (JsonNode policy : role.path("Properties").path("Policies")) {
            policy.path("PolicyDocument").path("Statement").forEach(statements::add);
        }
        return statements;
    }

    /** A node's values as strings whether it is one value or a list; an intrinsic function as its JSON. */
    static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(v -> values.add(text(v)));
        } else if (!node.isMissingNode()) {
            values.add(text(node));
        }
        return values;
    }

    private static String text(JsonNode node) {
        return node.isValueNode() ? node.asString() : node.toString();
    }

    /** Visits every object member of a tree with the path leading to it. */
    static void walk(JsonNode node, String path, BiConsumer<String, JsonNode> visitor) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String at = path + "/" + e.getKey();
                visitor.accept(at, e.getValue());
                walk(e.getValue(), at, visitor);
            }
        } else if (node.isArray()) {
            int i = 0;
            for (JsonNode v : node) {
                walk(v, path + "[" + i++ + "]", visitor);
            }
        }
    }

    /** The tag value of a resource, or null. */
    static String tag(JsonNode resource, String key) {
        for (JsonNode t : resource.path("Properties").path("Tags")) {
            if (key.equals(t.path("Key").asString())) {
                return t.path("Value").asString();
            }
        }
        return null;
    }
}
