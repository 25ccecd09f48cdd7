package io.lunora.streaming.media.engine;

import io.lunora.streaming.media.ChannelStatus;
import io.lunora.streaming.media.MediaEvent;
import io.lunora.streaming.media.OutputSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A media-engine in relay mode: it ingests encoded renditions over SRT and runs one copy-only
 * pusher per destination. Its output, status and event calls are the local engine's own, so they
 * go through {@link LocalEngineBackend}; only opening and closing the rendition ingest is new.
 */
public class RelayEngineClient {
    private final RestClient client;
    private final LocalEngineBackend engine;

    public RelayEngineClient(RestClient client, RestClient eventClient, JsonMapper json) {
        this.client = client;
        this.engine = new LocalEngineBackend(client, eventClient, json);
    }

    /** One rendition the relay ingests, with the SRT latency of its listener. */
    public record Rendition(String presetId, int latencyMs) {
    }

    /** The renditions of a session; {@link #toString()} never prints the passphrase. */
    public record Ingest(String sessionId, List<Rendition> renditions, String passphrase, Integer pbkeylen) {
        @Override
        public String toString() {
            return "Ingest[" + sessionId + ", " + renditions + ", encrypted=" + (passphrase != null) + "]";
        }
    }

    record Opened(List<Port> renditions) {
    }

    record Port(String presetId, int port) {
    }

    /**
     * Opens the organization's ingest for these renditions, or widens it (renditions it already
     * has keep their ports); answers each rendition's SRT port by preset id.
     */
    public Map<String, Integer> open(String organizationId, Ingest ingest) {
        Opened opened = client.put().uri("/internal/engine/relays/{org}", organizationId).body(ingest)
                .retrieve().body(Opened.class);
        Map<String, Integer> ports = new LinkedHashMap<>();
        if (opened != null && opened.renditions() != null) {
            opened.renditions().forEach(p -> ports.put(p.presetId(), p.port()));
        }
        return ports;
    }

    /** Closes the organization's ingest and every pusher fed from it. */
    public void close(String organizationId) {
        client.delete().uri("/internal/engine/relays/{org}", organizationId).retrieve().toBodilessEntity();
    }

    /** Starts one destination's pusher from its preset's rendition (409 when the relay lacks that rendition). */
    public void startOutput(String organizationId, OutputSpec output) {
        engine.startOutput(organizationId, output);
    }

    public void stopOutput(String organizationId, String destinationId) {
        engine.stopOutput(organizationId, destinationId);
    }

    /** The pushers' states and counters ({@code outputs}); {@code inputs} are the renditions. */
    public ChannelStatus status(String organizationId) {
        return engine.status(organizationId);
    }

    public AutoCloseable subscribe(Consumer<MediaEvent> listener) {
        return engine.subscribe(listener);
    }
}
