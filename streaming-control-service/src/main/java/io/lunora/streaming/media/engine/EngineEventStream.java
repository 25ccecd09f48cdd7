package io.lunora.streaming.media.engine;

import io.lunora.streaming.media.MediaEvent;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows the engine's Server-Sent Events on a virtual thread and hands each event to the
 * listener; reconnects with a growing pause (1 s to 15 s) while the engine is away.
 */
class EngineEventStream implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EngineEventStream.class);

    private final RestClient client;
    private final JsonMapper json;
    private final Consumer<MediaEvent> listener;
    private volatile boolean closed;
    private Thread thread;

    EngineEventStream(RestClient client, JsonMapper json, Consumer<MediaEvent> listener) {
        this.client = client;
        this.json = json;
        this.listener = listener;
    }

    void start() {
        thread = Thread.ofVirtual().name("engine-events").start(this::run);
    }

    private void run() {
        Duration pause = Duration.ofSeconds(1);
        while (!closed) {
            try {
                client.get().uri("/internal/engine/events").exchange((request, response) -> {
                    if (!response.getStatusCode().is2xxSuccessful()) {
                        throw new IllegalStateException("engine events answered " + response.getStatusCode());
                    }
                    read(new BufferedReader(new InputStreamReader(response.getBody(), StandardCharsets.UTF_8)));
                    return null;
                }, true);
                pause = Duration.ofSeconds(1);
            } catch (RuntimeException away) {
                if (!closed) {
                    log.debug("engine events unavailable ({}); retrying in {}", away.getClass().getSimpleName(), pause);
                }
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                return;
            }
            pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(15)) > 0 ? Duration.ofSeconds(15) : pause.multipliedBy(2);
        }
    }

    private void read(BufferedReader reader) throws java.io.IOException {
        String event = null;
        StringBuilder data = new StringBuilder();
        String line;
        while (!closed && (line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if (event != null && !data.isEmpty()) {
                    dispatch(event, data.toString());
                }
                event = null;
                data.setLength(0);
            } else if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5).strip());
            }
        }
    }

    private void dispatch(String event, String data) {
        JsonNode node = json.readTree(data);
        MediaEvent parsed = switch (event) {
            case "output" -> new MediaEvent.OutputStateChanged(node.path("organization_id").asString(),
                    Instant.parse(node.path("time").asString()), node.path("destination_id").asString(),
                    node.path("state").asString(), node.path("last_error").isNull() ? null
                            : node.path("last_error").asString(null));
            case "switch" -> new MediaEvent.InputSwitched(node.path("organization_id").asString(),
                    Instant.parse(node.path("time").asString()), node.path("from").asString(),
                    node.path("to").asString(), node.path("reason").asString());
            default -> null;
        };
        if (parsed != null) {
            try {
                listener.accept(parsed);
            } catch (RuntimeException e) {
                log.warn("media event not applied: {}", e.getClass().getSimpleName());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
