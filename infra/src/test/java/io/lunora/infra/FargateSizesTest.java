package io.lunora.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Every task size the services stack deploys, by default or per environment, is one Fargate runs. */
class FargateSizesTest {
    private static final List<List<String>> SIZES = List.of(List.of("TaskCpu", "TaskMemory"),
            List.of("RelayCpu", "RelayMemory"));

    @Test
    void shouldPairEveryTaskCpuWithAMemoryFargateAccepts() throws Exception {
        JsonNode declared = Stacks.read("services").path("Parameters");
        for (String environment : Stacks.ENVIRONMENTS) {
            Map<String, String> values = new HashMap<>();
            declared.properties().forEach(p -> values.put(p.getKey(), p.getValue().path("Default").asString()));
            for (JsonNode p : YAMLMapper.builder().build().readTree(Files.readString(
                    Stacks.DIR.resolve("parameters").resolve(environment).resolve("services.json")))) {
                values.put(p.path("ParameterKey").asString(), p.path("ParameterValue").asString());
            }
            for (List<String> size : SIZES) {
                int cpu = Integer.parseInt(values.get(size.get(0)));
                int memory = Integer.parseInt(values.get(size.get(1)));
                assertThat(fargateAccepts(cpu, memory)).as(environment + ": " + size + " = " + cpu + " / " + memory)
                        .isTrue();
            }
        }
    }

    @Test
    void shouldKnowFargatesPairs() {
        assertThat(fargateAccepts(512, 1024)).isTrue();
        assertThat(fargateAccepts(1024, 1024)).isFalse();
        assertThat(fargateAccepts(256, 4096)).isFalse();
    }

    /** Fargate's CPU units and the memory (MiB) each allows (AWS ECS developer guide, task size). */
    private static boolean fargateAccepts(int cpu, int memory) {
        return switch (cpu) {
            case 256 -> memory == 512 || memory == 1024 || memory == 2048;
            case 512 -> memory >= 1024 && memory <= 4096 && memory % 1024 == 0;
            case 1024 -> memory >= 2048 && memory <= 8192 && memory % 1024 == 0;
            case 2048 -> memory >= 4096 && memory <= 16384 && memory % 1024 == 0;
            case 4096 -> memory >= 8192 && memory <= 30720 && memory % 1024 == 0;
            default -> false;
        };
    }
}
