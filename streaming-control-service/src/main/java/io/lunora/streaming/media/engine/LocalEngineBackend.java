package io.lunora.streaming.media.engine;

import io.lunora.model.media.ChannelRequest;
import io.lunora.model.media.EngineStatus;
import io.lunora.model.media.OutputRequest;
import io.lunora.model.media.SwitchRequest;
import io.lunora.streaming.media.ChannelStatus;
import io.lunora.streaming.media.MediaBackend;
import io.lunora.streaming.media.MediaEvent;
import io.lunora.streaming.media.OutputSpec;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.json.JsonMapper;

/** The media port on the local FFmpeg engine's internal API (docs/architecture.md). */
public class LocalEngineBackend implements MediaBackend {
    /** A preview JPEG is tens of kB; anything larger is cut rather than held in memory. */
    private static final int MAX_PICTURE_BYTES = 4 * 1024 * 1024;
    private final RestClient client;
    private final RestClient eventClient;
    private final JsonMapper json;

    public LocalEngineBackend(RestClient client, RestClient eventClient, JsonMapper json) {
        this.client = client;
        this.eventClient = eventClient;
        this.json = json;
    }

    @Override
    public void warmInputs(String organizationId, ChannelRequest.Inputs inputs) {
        client.put().uri("/internal/engine/channels/{org}/inputs", organizationId).body(inputs)
                .retrieve().toBodilessEntity();
    }

    @Override
    public void startChannel(ChannelRequest channel) {
        client.put().uri("/internal/engine/channels/{org}", channel.organizationId()).body(channel)
                .retrieve().toBodilessEntity();
    }

    @Override
    public void stopChannel(String organizationId) {
        client.delete().uri("/internal/engine/channels/{org}/session", organizationId).retrieve().toBodilessEntity();
    }

    @Override
    public Optional<byte[]> inputPreview(String organizationId, String input) {
        // read as raw bytes: the engine client's converters are JSON only (a JPEG was "unknown content")
        return client.get().uri("/internal/engine/channels/{org}/inputs/{input}/preview", organizationId, input)
                .accept(MediaType.IMAGE_JPEG, MediaType.APPLICATION_PROBLEM_JSON)
                .exchange((request, response) -> {
                    if (response.getStatusCode().value() == 404) {
                        return Optional.<byte[]>empty();
                    }
                    if (!response.getStatusCode().is2xxSuccessful()) {
                        throw new RestClientResponseException("engine preview", response.getStatusCode(),
                                response.getStatusText(), response.getHeaders(), null, null);
                    }
                    try (InputStream body = response.getBody()) {
                        return Optional.of(body.readNBytes(MAX_PICTURE_BYTES));
                    }
                }, true);
    }

    @Override
    public void startOutput(String organizationId, OutputSpec output) {
        client.put().uri("/internal/engine/channels/{org}/outputs/{id}", organizationId, output.destinationId())
                .body(new OutputRequest(output.preset(), output.target(), output.priority())).retrieve().toBodilessEntity();
    }

    @Override
    public void stopOutput(String organizationId, String destinationId) {
        client.delete().uri("/internal/engine/channels/{org}/outputs/{id}", organizationId, destinationId)
                .retrieve().toBodilessEntity();
    }

    @Override
    public ChannelStatus status(String organizationId) {
        EngineStatus status = client.get().uri("/internal/engine/channels/{org}", organizationId)
                .retrieve().body(EngineStatus.class);
        return status == null ? ChannelStatus.stopped() : toChannelStatus(status);
    }

    /** The engine's answer in the media port's terms (which MediaLive's backend answers in too). */
    static ChannelStatus toChannelStatus(EngineStatus engine) {
        return new ChannelStatus(engine.running(), engine.activeInput(), engine.inputs().stream()
                .map(i -> new ChannelStatus.InputHealth(i.input(), i.connected(), (int) i.bitrateKbps(),
                        i.lastPacketAgeMs(), i.continuityErrors(), i.uptimeSeconds(), i.media()))
                .toList(), engine.outputs().stream()
                .map(o -> new ChannelStatus.OutputStatus(o.destinationId(), o.state(), o.bitrateKbps(), o.bytesSent(),
                        o.lastError(), o.speed(), o.lagMs(), o.droppedFrames(), o.droppedPackets(), o.degraded()))
                .toList(), null, engine.onAir(), engine.encoders().stream()
                .map(e -> new ChannelStatus.EncoderStatus(e.name(), e.speed(), e.lagMs(), e.droppedFrames(),
                        e.droppedPackets(), e.skips(), e.x264Preset(), e.degraded()))
                .toList(), engine.paused(), engine.recording() == null ? null
                        : new ChannelStatus.RecordingStatus(engine.recording().sessionId(), engine.recording().bytes()));
    }

    /** The engine switches on the input's next keyframe: nothing to tell the operator. */
    @Override
    public Optional<String> switchTo(String organizationId, String input, String reason) {
        client.post().uri("/internal/engine/channels/{org}/switch", organizationId)
                .body(new SwitchRequest(input, reason)).retrieve().toBodilessEntity();
        return Optional.empty();
    }

    @Override
    public void pause(String organizationId, boolean pause) {
        var request = pause ? client.put() : client.delete();
        request.uri("/internal/engine/channels/{org}/pause", organizationId).retrieve().toBodilessEntity();
    }

    @Override
    public AutoCloseable subscribe(Consumer<MediaEvent> listener) {
        EngineEventStream stream = new EngineEventStream(eventClient, json, listener);
        stream.start();
        return stream;
    }
}
