package io.lunora.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * Every {@code LUNORA_*} variable a service's {@code application.yml} reads without a default, or
 * with a default that only works on a developer's machine (loopback), is set where the service is
 * deployed: its ECS container in services.yaml (the aws profile's settings) and its
 * docker-compose service (local mode in containers). A variable is also satisfied by one that
 * binds the property itself (Spring's relaxed names), or by a default the deployment overrides in
 * the yml's aws profile. The exceptions below say why the default is right there.
 */
class ServiceEnvironmentTest {
    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\$\\{(LUNORA_\\w+)((?::\\$\\{LUNORA_\\w+)*)(?::([^}]*))?}");
    private static final Pattern CHAINED = Pattern.compile("LUNORA_\\w+");
    private static final Pattern MODULE_IMAGE = Pattern.compile("/lunora/([a-z-]+):");
    private static final Path ROOT = Path.of("..");

    private static final Map<String, String> NOT_IN_AWS = Map.of(
            "LUNORA_ENGINE_URL", "the local media engine's; aws mode's media backend is MediaLive (local-only beans)",
            "LUNORA_SMTP_HOST", "auth-service's own mail is local mode's; in aws mode Cognito mails the users, SES the alerts",
            "LUNORA_SMTP_BIND_ADDRESS", "the embedded SMTP server is local mode's only");
    private static final Map<String, String> NOT_IN_COMPOSE = Map.of(
            "LUNORA_SMTP_HOST", "auth-service's embedded SMTP server runs in the same container: loopback is right",
            "LUNORA_WEB_ORIGINS", "the browser's origin: compose publishes the gateway on localhost");

    @Test
    void shouldSetInEveryEcsContainerWhatItsServiceReadsInAwsMode() {
        List<String> missing = new ArrayList<>();
        Stacks.resources(Stacks.read("services"), "AWS::ECS::TaskDefinition").forEach((task, resource) -> {
            for (JsonNode container : resource.path("Properties").path("ContainerDefinitions")) {
                Matcher image = MODULE_IMAGE.matcher(container.path("Image").path("Fn::Sub").asString());
                assertThat(image.find()).as(task + " names its image").isTrue();
                Set<String> set = new HashSet<>();
                container.path("Environment").forEach(e -> set.add(e.path("Name").asString()));
                container.path("Secrets").forEach(e -> set.add(e.path("Name").asString()));
                unset(settings(image.group(1), "aws"), set, NOT_IN_AWS)
                        .forEach(m -> missing.add(container.path("Name").asString() + ": " + m));
            }
        });
        assertThat(missing).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldSetInEveryComposeServiceWhatItsServiceReadsInLocalMode() {
        Map<String, Object> compose = new Yaml(new LoaderOptions()).load(Stacks.text(ROOT.resolve("docker-compose.yml")));
        List<String> missing = new ArrayList<>();
        ((Map<String, Map<String, Object>>) compose.get("services")).forEach((service, definition) -> {
            Path yml = ROOT.resolve(service).resolve("src/main/resources/application.yml");
            if (!yml.toFile().isFile()) {
                return; // DynamoDB Local, LocalStack
            }
            Object environment = definition.get("environment");
            Set<String> set = environment instanceof Map<?, ?> map ? (Set<String>) map.keySet() : Set.of();
            unset(settings(service, null), set, NOT_IN_COMPOSE).forEach(m -> missing.add(service + ": " + m));
        });
        assertThat(missing).isEmpty();
    }

    @Test
    void shouldNoticeAVariableThatIsReadButNotSet() {
        Map<String, String> settings = Map.of("server.address", "${LUNORA_BIND_ADDRESS:127.0.0.1}",
                "lunora.cognito.consumer-pool-id", "${LUNORA_COGNITO_CONSUMER_POOL_ID}",
                "lunora.services.auth-url", "${LUNORA_AUTH_URI:${LUNORA_AUTH_URL:http://127.0.0.1:9000}}",
                "lunora.secrets.kms-key-id", "${LUNORA_KMS_KEY_ID}",
                "lunora.mail.from", "${LUNORA_MAIL_FROM:no-reply@lunora.local}");

        assertThat(unset(settings, Set.of("LUNORA_AUTH_URL", "LUNORA_SECRETS_KMSKEYID"), Map.of()))
                .containsExactlyInAnyOrder("LUNORA_BIND_ADDRESS (server.address)",
                        "LUNORA_COGNITO_CONSUMER_POOL_ID (lunora.cognito.consumer-pool-id)");
    }

    /** The variables of {@code settings} that must be set but are not, each with the property it feeds. */
    static List<String> unset(Map<String, String> settings, Set<String> set, Map<String, String> exceptions) {
        List<String> missing = new ArrayList<>();
        settings.forEach((key, value) -> {
            Matcher m = PLACEHOLDER.matcher(value);
            while (m.find()) {
                String fallback = m.group(3);
                if (fallback != null && !fallback.contains("127.0.0.1") && !fallback.contains("localhost")) {
                    continue; // a default that holds anywhere
                }
                List<String> names = new ArrayList<>(List.of(m.group(1)));
                CHAINED.matcher(m.group(2)).results().forEach(r -> names.add(r.group()));
                String relaxed = key.toUpperCase().replace('.', '_');
                boolean bound = set.contains(relaxed.replace("-", "")) || set.contains(relaxed.replace('-', '_'));
                if (!bound && names.stream().noneMatch(set::contains) && names.stream().noneMatch(exceptions::containsKey)) {
                    missing.add(names.getFirst() + " (" + key + ")");
                }
            }
        });
        return missing;
    }

    /**
     * A module's settings as one profile sees them: the yml's documents without a profile, then
     * those of {@code profile} over them (null: no profile).
     */
    @SuppressWarnings("unchecked")
    static Map<String, String> settings(String module, String profile) {
        Map<String, String> settings = new LinkedHashMap<>();
        List<Map<String, String>> overrides = new ArrayList<>();
        String text = Stacks.text(ROOT.resolve(module).resolve("src/main/resources/application.yml"));
        for (Object document : new Yaml(new LoaderOptions()).loadAll(text)) {
            Map<String, String> flat = new LinkedHashMap<>();
            flatten("", document, flat);
            String onProfile = flat.get("spring.config.activate.on-profile");
            if (onProfile == null) {
                settings.putAll(flat);
            } else if (onProfile.equals(profile)) {
                overrides.add(flat);
            }
        }
        overrides.forEach(settings::putAll);
        return settings;
    }

    private static void flatten(String prefix, Object node, Map<String, String> out) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, out));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), out);
            }
        } else {
            out.put(prefix, String.valueOf(node));
        }
    }
}
