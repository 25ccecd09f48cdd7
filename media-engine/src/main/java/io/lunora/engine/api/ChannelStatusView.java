package io.lunora.engine.api;

import io.lunora.engine.channel.ChannelState;
import io.lunora.engine.rendition.EncoderStatus;
import io.lunora.model.media.InputMedia;
import java.util.List;

/**
 * The answer of {@code GET /internal/engine/channels/{org}}, for a channel or a relay
 * ({@code kind}; null when nothing runs). An input's {@code input} and {@code name} are
 * {@code primary}/{@code secondary} on a channel and the rendition's preset id on a relay.
 * {@code last_packet_age_ms} is -1 for an input that has not delivered yet.
 */
public record ChannelStatusView(boolean running, String kind, String activeInput, String onAir, List<Input> inputs,
        List<ChannelState.Output> outputs, List<EncoderStatus> encoders) {

    /** @param media what the input's stream carries (codec, size, rate); null while not known */
    public record Input(String input, String name, boolean connected, long bitrateKbps, long lastPacketAgeMs,
            long continuityErrors, long uptimeSeconds, InputMedia media) {
    }

    static ChannelStatusView of(ChannelState state) {
        return new ChannelStatusView(state.running(), state.kind(), state.activeInput(), state.onAir(), state.inputs().stream()
                .map(i -> new Input(i.inputId(), i.inputId(), i.connected(), i.bitrateKbps(),
                        i.lastPacketAgeMs() == null ? -1 : i.lastPacketAgeMs(), i.continuityErrors(), i.uptimeSeconds(), i.media()))
                .toList(), state.outputs(), state.encoders());
    }
}
