package io.lunora.streaming.media.medialive;

import java.time.Instant;

/** Outgoing port: a running channel's input metrics (CloudWatch namespace {@code AWS/MediaLive}). */
interface ChannelMetrics {

    /** The latest input metrics of one pipeline of the channel, read at {@code now}. */
    InputMetrics read(String channelId, String pipelineId, Instant now);

    /**
     * What the metrics say about the input on air. MediaLive publishes no metric per input of a
     * failover pair without naming which is active, so these describe the channel's ingest as a whole.
     *
     * @param known        false when the metrics could not be read (nothing below is meaningful)
     * @param frameRate    latest {@code InputVideoFrameRate} (maximum), null when there is no datapoint:
     *                     no input received since the channel started
     * @param framesUntil  end of the latest period in which frames arrived, null if none did
     * @param networkInMbps latest {@code NetworkIn} (average, megabits per second): every byte into the
     *                     channel, both inputs of a pair included
     * @param primaryActive latest {@code PrimaryInputActive} (minimum), null without automatic failover
     */
    record InputMetrics(boolean known, Double frameRate, Instant framesUntil, Double networkInMbps,
            Boolean primaryActive) {

        static final InputMetrics UNKNOWN = new InputMetrics(false, null, null, null, null);

        boolean framesArrive() {
            return frameRate != null && frameRate > 0;
        }
    }
}
