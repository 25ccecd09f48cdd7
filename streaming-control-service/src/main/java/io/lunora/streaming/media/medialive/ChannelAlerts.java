package io.lunora.streaming.media.medialive;

import java.time.Instant;
import java.util.List;

/** Outgoing port: a channel's alerts that are set now (MediaLive ListAlerts). */
interface ChannelAlerts {

    List<Alert> active(String channelId);

    /**
     * One set alert. {@code type} is MediaLive's alert wording ("Input Failed Over", "Failed RTMP
     * Connection", ...); {@code message} is MediaLive's free text, which may quote a destination URL
     * with its stream key, so it is matched against but never shown.
     */
    record Alert(String type, String message, String pipelineId, Instant setAt) {
    }
}
