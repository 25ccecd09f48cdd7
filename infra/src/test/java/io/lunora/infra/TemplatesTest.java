package io.lunora.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The stacks parse as plain YAML and hold together: references, imports, parameter files. */
class TemplatesTest {
    private static final Set<String> PSEUDO = Set.of("AWS::Region", "AWS::AccountId", "AWS::Partition",
            "AWS::StackName", "AWS::StackId", "AWS::URLSuffix", "AWS::NoValue");
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!]+)}");

    @Test
    void shouldParseEveryTemplateAsPlainYamlWithoutShortFormTags() {
        for (String name : Stacks.NAMES) {
            String text = Stacks.text(Stacks.file(name));
            assertThat(text).as(name).doesNotContainPattern("(?m):\\s*!(Ref|Sub|GetAtt|ImportValue|Join|Select|Split|If)\\b");
            JsonNode stack = Stacks.read(name);
            assertThat(stack.path("AWSTemplateFormatVersion").asString()).as(name).isEqualTo("2010-09-09");
            assertThat(stack.path("Resources").size()).as(name).isPositive();
            assertThat(Stacks.strings(stack.path("Parameters").path("Environment").path("AllowedValues")))
                    .as(name).isEqualTo(Stacks.ENVIRONMENTS);
        }
    }

    @Test
    void shouldReferOnlyToDeclaredParametersResourcesAndPseudoParameters() {
        Stacks.all().forEach((name, stack) -> {
            Set<String> parameters = names(stack.path("Parameters"));
            Set<String> resources = names(stack.path("Resources"));
            List<String> unknown = new ArrayList<>();
            Stacks.walk(stack, name, (path, value) -> {
                if (path.endsWith("/Ref")) {
                    String target = value.asString();
                    if (!parameters.contains(target) && !resources.contains(target) && !PSEUDO.contains(target)) {
                        unknown.add(path + " -> " + target);
                    }
                } else if (path.endsWith("/Fn::GetAtt")) {
                    String target = value.isArray() ? value.get(0).asString() : value.asString().split("\\.")[0];
                    if (!resources.contains(target)) {
                        unknown.add(path + " -> " + target);
                    }
                } else if (path.endsWith("/Fn::Sub") && value.isString()) {
                    Matcher m = SUB_VARIABLE.matcher(value.asString());
                    while (m.find()) {
                        String variable = m.group(1);
                        String head = variable.split("\\.")[0];
                        if (!parameters.contains(variable) && !resources.contains(head) && !PSEUDO.contains(variable)) {
                            unknown.add(path + " -> ${" + variable + "}");
                        }
                    }
                }
            });
            assertThat(unknown).as(name).isEmpty();
        });
    }

    @Test
    void shouldImportOnlyNamesThatAnEarlierStackExports() {
        Map<String, JsonNode> stacks = Stacks.all();
        Set<String> exported = new HashSet<>();
        for (String name : Stacks.NAMES) {
            JsonNode stack = stacks.get(name);
            List<String> imports = new ArrayList<>();
            Stacks.walk(stack, name, (path, value) -> {
                if (path.endsWith("/Fn::ImportValue")) {
                    imports.add(value.path("Fn::Sub").asString());
                }
            });
            assertThat(exported).as(name + " imports exports of stacks deployed before it").containsAll(imports);
            for (JsonNode output : stack.path("Outputs")) {
                JsonNode exportName = output.path("Export").path("Name").path("Fn::Sub");
                if (!exportName.isMissingNode()) {
                    exported.add(exportName.asString());
                }
            }
        }
    }

    @Test
    void shouldGiveEveryEnvironmentParametersThatTheTemplatesDeclare() throws Exception {
        YAMLMapper json = YAMLMapper.builder().build();
        for (String environment : Stacks.ENVIRONMENTS) {
            for (String name : Stacks.NAMES) {
                Path file = Stacks.DIR.resolve("parameters").resolve(environment).resolve(name + ".json");
                assertThat(file).as(environment + "/" + name).exists();
                JsonNode declared = Stacks.read(name).path("Parameters");
                Set<String> given = new HashSet<>();
                for (JsonNode p : json.readTree(Files.readString(file))) {
                    String key = p.path("ParameterKey").asString();
                    String value = p.path("ParameterValue").asString();
                    given.add(key);
                    assertThat(declared.has(key)).as(environment + "/" + name + " " + key).isTrue();
                    JsonNode allowed = declared.path(key).path("AllowedValues");
                    if (!allowed.isMissingNode()) {
                        assertThat(Stacks.strings(allowed)).as(environment + "/" + name + " " + key).contains(value);
                    }
                }
                assertThat(given).as(environment + "/" + name).contains("Environment");
                assertThat(json.readTree(Files.readString(file)).get(0).path("ParameterValue").asString())
                        .isEqualTo(environment);
                for (Map.Entry<String, JsonNode> p : declared.properties()) {
                    boolean resolvedByDeployScript = name.equals("data") && p.getKey().equals("KmsKeyArn");
                    if (!p.getValue().has("Default") && !resolvedByDeployScript) {
                        assertThat(given).as(environment + "/" + name + " needs " + p.getKey()).contains(p.getKey());
                    }
                }
            }
        }
    }

    @Test
    void shouldNameMediaResourcesPerOrganizationAndEnvironment() {
        JsonNode media = Stacks.read("media");
        assertThat(Stacks.resources(media, "AWS::S3::Bucket").values())
                .allSatisfy(b -> assertThat(b.path("Properties").path("BucketName").path("Fn::Sub").asString())
                        .isEqualTo("lunora-${OrganizationId}-${Environment}"));
        assertThat(Stacks.resources(media, "AWS::MediaPackage::Channel").values())
                .allSatisfy(c -> assertThat(c.path("Properties").path("Id").path("Fn::Sub").asString())
                        .startsWith("${OrganizationId}-${Environment}-"));
        JsonNode lifecycle = media.path("Resources").path("MediaBucket").path("Properties")
                .path("LifecycleConfiguration").path("Rules");
        assertThat(lifecycle.findValuesAsString("Prefix")).containsExactlyInAnyOrder("recordings/", "thumbnails/");
    }

    @Test
    void shouldRunOneStreamingControllerAndOneRelayNeverTwoAtOnce() {
        JsonNode resources = Stacks.read("services").path("Resources");
        for (String service : List.of("StreamingControlService", "RelayService")) {
            JsonNode properties = resources.path(service).path("Properties");
            // both keep each organization's media state in memory: a second task would fight the first
            assertThat(properties.path("DesiredCount").asInt()).as(service).isEqualTo(1);
            assertThat(properties.path("DeploymentConfiguration").path("MaximumPercent").asInt()).as(service)
                    .isEqualTo(100);
            assertThat(properties.path("DeploymentConfiguration").path("MinimumHealthyPercent").asInt()).as(service)
                    .isZero();
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.properties().forEach(e -> names.add(e.getKey()));
        return names;
    }
}
