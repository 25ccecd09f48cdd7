package io.lunora.engine.channel;

import static io.lunora.engine.testing.ChannelBodies.channel;
import static io.lunora.engine.testing.ChannelBodies.output;
import static io.lunora.engine.testing.ChannelBodies.preset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.engine.orchestration.Orchestrator;
import io.lunora.engine.testing.EngineApi;
import io.lunora.engine.testing.InProcessEngine;
import io.lunora.engine.testing.RtmpReceiver;
import io.lunora.engine.testing.Stalls;
import io.lunora.engine.testing.TestSource;
import io.lunora.testing.FreePorts;
import io.lunora.testing.TestIssuer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Shedding through the engine's API with real encoders and RTMP receivers: the priority flag of
 * the output request reaches the choice. The priority destination starts last (without its flag it
 * would be the first to go); its encoder is made to fall behind for certain by stopping its FFmpeg
 * (SIGSTOP) for 1.5 s at a time, until it has gone to the fastest x264 step and still falls behind.
 * Then the channel stops the encoder of the most recently started destination that is not
 * priority, reports it {@code failed} with {@code shed_to_keep_up} (status and event stream), and
 * keeps the others live; a new start brings the shed one back.
 */
class SheddingEndToEndTest {
    private static final String ORG = "org-shed";
    private static final String CHANNEL = "/internal/engine/channels/" + ORG;
    private static final String PRIORITY = preset("priority-main", "320x180", 25, 400, "main", 2, 0);
    private static final String OLDER = preset("older-baseline", "256x144", 15, 250, "baseline", 2, 0);
    private static final String NEWER = preset("newer-baseline", "192x108", 15, 200, "baseline", 2, 0);

    @Test
    void shouldShedTheNewestDestinationThatIsNotPriorityWhenThePriorityEncoderFallsBehindAtTheFastestStep()
            throws IOException, InterruptedException {
        Path data = Files.createTempDirectory("engine-shed");
        TestIssuer issuer = new TestIssuer();
        Map<String, Integer> ports = Map.of("older", FreePorts.next(), "newer", FreePorts.next(), "priority",
                FreePorts.next());
        Map<String, RtmpReceiver> receivers = new HashMap<>();
        int input = FreePorts.next();
        var engine = InProcessEngine.start(data, data.resolve("engine.log"), issuer, "--lunora.engine.hls.enabled=false",
                "--lunora.engine.slate.width=320", "--lunora.engine.slate.height=180",
                "--lunora.engine.slate.frame-rate=25");
        TestSource source = null;
        try {
            EngineApi api = InProcessEngine.api(engine, issuer);
            List<String> events = api.follow("/internal/engine/events");
            ports.forEach((id, port) -> receivers.put(id, RtmpReceiver.listen(port, "key-" + id, data.resolve(id + ".flv"))));
            assertThat(api.put(CHANNEL, channel(ORG, "session-shed", "single", input, null, false)).status()).isEqualTo(204);
            source = TestSource.call(input);
            await().atMost(Duration.ofSeconds(20)).until(() -> "primary".equals(status(api).path("on_air").asString()));
            start(api, "older", OLDER, false, ports);
            start(api, "newer", NEWER, false, ports);
            start(api, "priority", PRIORITY, true, ports);
            // on a machine busy enough the channel may shed by itself meanwhile: the choice is the same
            await().atMost(Duration.ofSeconds(90)).until(() -> "live".equals(state(api, "dest-priority"))
                    && "live".equals(state(api, "dest-older")) && List.of("live", "failed").contains(state(api, "dest-newer")));

            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!"failed".equals(state(api, "dest-newer")) && System.nanoTime() < deadline) {
                String x264 = priorityEncoder(api).path("x264_preset").asString();
                Optional<ProcessHandle> current = encoderOf("scale=320:180", x264);
                if (current.isPresent()) {
                    Stalls.fallBehind(current.get());
                }
            }

            JsonNode shed = outputOf(api, "dest-newer");
            assertThat(shed.path("state").asString()).isEqualTo("failed");
            assertThat(shed.path("last_error").asString()).startsWith("shed_to_keep_up");
            assertThat(priorityEncoder(api).path("x264_preset").asString()).isEqualTo("ultrafast");
            assertThat(state(api, "dest-priority")).isEqualTo("live");
            assertThat(engine.getBean(Orchestrator.class).renditions(ORG)).as("the shed destination's encoder stopped")
                    .noneMatch(r -> r.width() == 192).anyMatch(r -> r.width() == 320);
            await().atMost(Duration.ofSeconds(5)).until(() -> shedEvents(events).contains("dest-newer"));
            assertThat(shedEvents(events).getFirst()).as("the newest that is not priority goes first (the older one"
                    + " only after the hold-off, if the machine stays too busy)").isEqualTo("dest-newer");
            assertThat(events).noneMatch(l -> l.contains("\"dest-priority\"") && l.contains("\"failed\""));

            receivers.get("newer").close(); // an FFmpeg receiver takes one publisher: a new one for the new start
            receivers.put("newer", RtmpReceiver.listen(ports.get("newer"), "key-newer", data.resolve("newer-2.flv")));
            int before = events.size();
            start(api, "newer", NEWER, false, ports);
            await().atMost(Duration.ofSeconds(60)).until(() -> events.subList(before, events.size()).stream()
                    .anyMatch(l -> l.contains("\"dest-newer\"") && l.contains("\"live\"")));
        } finally {
            if (source != null) {
                source.close();
            }
            receivers.values().forEach(RtmpReceiver::close);
            engine.close();
            issuer.close();
        }
    }

    /** The destinations the event stream reported shed, in order. */
    private static List<String> shedEvents(List<String> events) {
        return events.stream().filter(l -> l.startsWith("data:") && l.contains("shed_to_keep_up"))
                .map(l -> l.replaceAll(".*\"destination_id\":\"([^\"]+)\".*", "$1")).toList();
    }

    private static void start(EngineApi api, String id, String preset, boolean priority, Map<String, Integer> ports) {
        String body = output(preset, RtmpReceiver.url(ports.get(id)), "key-" + id);
        body = body.substring(0, body.length() - 1) + ",\"priority\":" + priority + "}";
        assertThat(api.put(CHANNEL + "/outputs/dest-" + id, body).status()).isEqualTo(204);
    }

    private static JsonNode status(EngineApi api) {
        EngineApi.Answer answer = api.get(CHANNEL);
        assertThat(answer.status()).isEqualTo(200);
        return answer.json();
    }

    private static JsonNode outputOf(EngineApi api, String destinationId) {
        for (JsonNode output : status(api).path("outputs")) {
            if (destinationId.equals(output.path("destination_id").asString())) {
                return output;
            }
        }
        throw new AssertionError(destinationId + " not in the status");
    }

    private static String state(EngineApi api, String destinationId) {
        return outputOf(api, destinationId).path("state").asString();
    }

    private static JsonNode priorityEncoder(EngineApi api) {
        for (JsonNode encoder : status(api).path("encoders")) {
            if (encoder.path("name").asString().contains("320x180")) {
                return encoder;
            }
        }
        throw new AssertionError("no encoder of the priority destination");
    }

    /** The rendition FFmpeg with this scale filter running at this x264 preset. */
    private static Optional<ProcessHandle> encoderOf(String scale, String x264) {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).filter(p -> {
            List<String> args = new ArrayList<>(p.info().arguments().map(Arrays::asList).orElse(List.of()));
            int at = args.indexOf("-preset");
            return at >= 0 && at + 1 < args.size() && args.get(at + 1).equals(x264)
                    && args.stream().anyMatch(a -> a.startsWith(scale));
        }).findFirst();
    }
}
