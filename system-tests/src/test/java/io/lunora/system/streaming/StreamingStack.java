package io.lunora.system.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.system.stack.Launcher;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The whole local stack for streaming tests, scaled for a 2-core machine: the engine's slate is
 * small and its HLS ladder one low rung at a low frame rate, so that the CPU goes to the
 * destinations' rendition; the connectivity test may reach loopback receivers.
 */
public final class StreamingStack {
    public static final String WHOLE_STACK = "dynamodb auth-service source-service destination-service preset-service "
            + "streaming-control-service viewer-service media-engine gateway-service";

    static final Map<String, String> ENVIRONMENT = Map.ofEntries(
            Map.entry("LUNORA_DESTINATION_ALLOWED_PRIVATE_HOSTS", "127.0.0.0/8"),
            Map.entry("LUNORA_ALERTS_WEBHOOK_ALLOWED_PRIVATE_HOSTS", "127.0.0.0/8"),
            Map.entry("LUNORA_ENGINE_SLATE_WIDTH", "320"),
            Map.entry("LUNORA_ENGINE_SLATE_HEIGHT", "180"),
            Map.entry("LUNORA_ENGINE_SLATE_FRAMERATE", "24"),
            Map.entry("LUNORA_ENGINE_HLS_FRAMERATE", "12"),
            Map.entry("LUNORA_ENGINE_HLS_LADDER_0_HEIGHT", "144"),
            Map.entry("LUNORA_ENGINE_HLS_LADDER_0_VIDEOKBPS", "150"),
            Map.entry("LUNORA_ENGINE_HLS_LADDER_0_AUDIOKBPS", "64"));

    /**
     * The one custom preset of these tests: the smallest the specification allows for a custom
     * destination (720p, 24 fps, 1000 kbps), baseline so that the encoder does the least work.
     */
    public static final String PRESET_JSON = """
            {"name":"Loopback 720p24","platform":"custom",
             "video":{"resolution":"1280x720","frame_rate":24,"bitrate_kbps":1000,"codec":"h264","profile":"baseline",
                      "keyframe_interval_seconds":2,"b_frames":0},
             "audio":{"codec":"aac","bitrate_kbps":64,"sample_rate_hz":48000,"channels":"mono"}}""";

    private StreamingStack() {
    }

    public static Launcher launcher(Path home) {
        return new Launcher(home, ENVIRONMENT);
    }

    /** The source configuration of these tests: automatic failover after 2 s between two SRT listeners. */
    public static String sourceConfiguration(int primaryPort, int secondaryPort, Long version) {
        return """
                {"name":"Loopback studio","redundancy_mode":"auto_failover","failover_threshold":2,
                 "health_check_interval":1,"failback":"stay",
                 "primary_source":{"name":"Camera A","mode":"listener","port":%d,"latency_ms":120},
                 "secondary_source":{"name":"Camera B","mode":"listener","port":%d,"latency_ms":120}%s}"""
                .formatted(primaryPort, secondaryPort, version == null ? "" : ",\"version\":" + version);
    }

    /** The whole stack up for one test class, with the gateway's API on it; closing it takes the stack down. */
    public static RunningStack start(Path home) {
        return RunningStack.up(launcher(home), WHOLE_STACK);
    }

    /** {@code ./lunora up} of the whole stack again (after a {@code down}); the test fails with the launcher's output when it does not come up. */
    public static void up(Launcher launcher) {
        Launcher.Result up = launcher.run(WHOLE_STACK, "up", "--no-build");
        assertThat(up.exitCode()).as("./lunora up:%n%s", up.output()).isZero();
    }

    /** Saves {@link #sourceConfiguration} over whatever version is stored; the caller checks the answer. */
    public static GatewayApi.Answer saveSources(GatewayApi api, String token, int primaryPort, int secondaryPort) {
        JsonNode current = api.get(token, "/api/sources/config").json();
        Long version = current.path("version").isNumber() ? current.path("version").asLong() : null;
        return api.put(token, "/api/sources/config", sourceConfiguration(primaryPort, secondaryPort, version));
    }
}
