package io.lunora.streaming.testing;

import io.lunora.model.media.EngineStatus;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The engine's status answers for tests' stand-in engines, written from the one record the engine
 * answers with ({@link EngineStatus}), so a stand-in cannot answer what the real engine never would.
 */
public final class EngineAnswers {
    private static final JsonMapper SNAKE_CASE = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    private EngineAnswers() {
    }

    public static String json(EngineStatus status) {
        return SNAKE_CASE.writeValueAsString(status);
    }

    /** A channel in session (running) or with its inputs on standby, carrying the primary. */
    public static String channel(boolean running, EngineStatus.Output... outputs) {
        return json(new EngineStatus(running, running ? "channel" : "standby", "primary", "primary", List.of(),
                List.of(outputs), List.of(), false));
    }

    /** A relay (MediaLive's renditions pushed by the engine). */
    public static String relay(EngineStatus.Output... outputs) {
        return json(new EngineStatus(true, "relay", null, null, List.of(), List.of(outputs), List.of(), false));
    }

    /** A push that keeps real time, with nothing dropped. */
    public static EngineStatus.Output output(String destinationId, String state, int bitrateKbps, long bytesSent,
            String lastError) {
        return new EngineStatus.Output(destinationId, state, "main", bitrateKbps, bytesSent, lastError, 0, 1.0, 120, 0,
                0, false);
    }
}
