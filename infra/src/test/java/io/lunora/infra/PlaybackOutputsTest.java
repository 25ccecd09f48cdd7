package io.lunora.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The media stack's HLS endpoint URL split for playback through the gateway: {@code HlsOrigin} and
 * {@code HlsPath}, evaluated here on the URL form MediaPackage gives, reach the gateway and
 * streaming-control as the environment the code reads.
 */
class PlaybackOutputsTest {
    static final String ENDPOINT_URL =
            "https://abc123.mediapackage.us-east-1.amazonaws.com/out/v1/6d8c2a0b4f9e4c7d9a1b3c5d7e9f0a1b/index.m3u8";

    @Test
    void shouldSplitTheEndpointUrlIntoTheOriginAndThePlaylistPath() {
        JsonNode outputs = Stacks.read("media").path("Outputs");

        assertThat(evaluate(outputs.path("HlsOrigin").path("Value")))
                .isEqualTo("https://abc123.mediapackage.us-east-1.amazonaws.com");
        assertThat(evaluate(outputs.path("HlsPath").path("Value")))
                .isEqualTo("/out/v1/6d8c2a0b4f9e4c7d9a1b3c5d7e9f0a1b/index.m3u8");
    }

    @Test
    void shouldGiveTheGatewayTheOriginAndStreamingControlThePath() {
        Map<String, JsonNode> tasks = Stacks.resources(Stacks.read("services"), "AWS::ECS::TaskDefinition");

        assertThat(imported(tasks.get("GatewayTask"), "LUNORA_ENGINE_URI"))
                .isEqualTo("lunora-${OrganizationId}-${Environment}-HlsOrigin");
        assertThat(imported(tasks.get("StreamingControlTask"), "LUNORA_CATALOG_HLSURL"))
                .isEqualTo("lunora-${OrganizationId}-${Environment}-HlsPath");
    }

    private static String imported(JsonNode task, String variable) {
        for (JsonNode entry : task.path("Properties").path("ContainerDefinitions").get(0).path("Environment")) {
            if (entry.path("Name").asString().equals(variable)) {
                return entry.path("Value").path("Fn::ImportValue").path("Fn::Sub").asString();
            }
        }
        return null;
    }

    /** The intrinsic functions these outputs use, with the endpoint's {@code Url} attribute as above. */
    private static String evaluate(JsonNode node) {
        if (node.isString()) {
            return node.asString();
        }
        if (node.has("Fn::GetAtt")) {
            assertThat(Stacks.strings(node.path("Fn::GetAtt"))).containsExactly("HlsEndpoint", "Url");
            return ENDPOINT_URL;
        }
        if (node.has("Fn::Join")) {
            List<String> parts = new ArrayList<>();
            node.path("Fn::Join").get(1).forEach(part -> parts.add(evaluate(part)));
            return String.join(node.path("Fn::Join").get(0).asString(), parts);
        }
        if (node.has("Fn::Select")) {
            JsonNode split = node.path("Fn::Select").get(1).path("Fn::Split");
            String[] pieces = evaluate(split.get(1)).split(Pattern.quote(split.get(0).asString()), -1);
            return pieces[node.path("Fn::Select").get(0).asInt()];
        }
        throw new AssertionError("not evaluated here: " + node);
    }
}
