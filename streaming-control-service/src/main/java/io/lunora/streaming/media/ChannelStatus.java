package io.lunora.streaming.media;

import java.util.List;

/**
 * A channel's live state as the backend sees it.
 *
 * @param error what the operator should fix while the channel runs on (on MediaLive: playback not
 *              packaged where the catalog sends viewers); null when nothing
 */
public record ChannelStatus(boolean running, String activeInput, List<InputHealth> inputs, List<OutputStatus> outputs,
        String error) {

    public static ChannelStatus stopped() {
        return new ChannelStatus(false, null, List.of(), List.of(), null);
    }

    public record InputHealth(String input, boolean connected, int bitrateKbps, long lastPacketAgeMs,
            long continuityErrors, long uptimeSeconds) {
    }

    /** @param state {@code stopped}, {@code connecting}, {@code live}, {@code retrying} or {@code failed} */
    public record OutputStatus(String destinationId, String state, int bitrateKbps, long bytesSent, String lastError) {
    }
}
