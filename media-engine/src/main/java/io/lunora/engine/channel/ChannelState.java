package io.lunora.engine.channel;

import io.lunora.model.media.InputStatus;
import java.util.List;

/**
 * A channel's live state.
 *
 * @param activeInput the input the program carries when it has a signal ({@code primary}/{@code secondary})
 * @param onAir       what is on air now: an input, {@code slate}, or null before the first picture
 * @param kind        {@link #CHANNEL}, {@link #RELAY}, or null when nothing runs
 */
public record ChannelState(boolean running, String kind, String activeInput, String onAir, List<InputStatus> inputs,
        List<Output> outputs) {
    /** A channel makes its program from SRT sources and encodes a rendition per preset. */
    public static final String CHANNEL = "channel";
    /** A relay receives renditions encoded elsewhere (MediaLive) and only pushes copies of them. */
    public static final String RELAY = "relay";

    public static ChannelState stopped() {
        return new ChannelState(false, null, null, null, List.of(), List.of());
    }

    /** @param lastError already redacted */
    public record Output(String destinationId, String state, String rendition, int bitrateKbps, long bytesSent,
            String lastError, int attempts) {
    }
}
