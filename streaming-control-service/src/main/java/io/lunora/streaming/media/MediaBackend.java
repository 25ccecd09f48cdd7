package io.lunora.streaming.media;

import java.util.function.Consumer;

/**
 * Outgoing port: the media plane's channel and outputs (input switching belongs to
 * source-service, which owns the source configuration). The local engine (FFmpeg) and AWS MediaLive implement it; the
 * control service never knows which one runs. Every operation is idempotent, so a retried or
 * reconciled call is harmless.
 */
public interface MediaBackend {

    /** Starts the organization's channel (inputs, switcher, HLS, recording), or updates a running one. */
    void startChannel(ChannelSpec channel);

    /** Stops the channel and every output of it. */
    void stopChannel(String organizationId);

    /** Starts one destination's output on the running channel; others are untouched. */
    void startOutput(String organizationId, OutputSpec output);

    /** Stops one destination's output; others are untouched. */
    void stopOutput(String organizationId, String destinationId);

    /** The channel's live state; {@link ChannelStatus#stopped()} when it does not run. */
    ChannelStatus status(String organizationId);

    /** Receives output state changes and input switches of every channel until closed. */
    AutoCloseable subscribe(Consumer<MediaEvent> listener);
}
