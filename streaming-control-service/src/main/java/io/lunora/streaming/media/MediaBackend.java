package io.lunora.streaming.media;

import io.lunora.model.media.ChannelRequest;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Outgoing port: the media plane's channel, outputs and inputs. It is the only way any service
 * drives the media plane (docs/architecture.md): the local engine (FFmpeg) and AWS MediaLive
 * implement it; the control service never knows which one runs. Every operation but
 * {@link #switchTo} is idempotent, so a retried or reconciled call is harmless.
 */
public interface MediaBackend {

    /**
     * Keeps the organization's inputs running before and between sessions, so that their health,
     * a preview and a switch test are there before going live and a session starts on warm inputs;
     * a running channel takes changed inputs. A backend whose inputs cost money while they run (MediaLive
     * bills a running channel) does nothing here.
     */
    void warmInputs(String organizationId, ChannelRequest.Inputs inputs);

    /** Starts the organization's session on its channel (switcher, HLS, recording), or updates a running one. */
    void startChannel(ChannelRequest channel);

    /** Ends the channel's session and every output of it; inputs kept warm stay warm. */
    void stopChannel(String organizationId);

    /** The input's latest picture (JPEG); empty when the backend has none (not delivered yet, or not offered). */
    Optional<byte[]> inputPreview(String organizationId, String input);

    /** Starts one destination's output on the running channel; others are untouched. */
    void startOutput(String organizationId, OutputSpec output);

    /** Stops one destination's output; others are untouched. */
    void stopOutput(String organizationId, String destinationId);

    /**
     * The channel's live state, the inputs' health included (warm inputs too: {@code running} is
     * false then); {@link ChannelStatus#stopped()} when nothing runs.
     */
    ChannelStatus status(String organizationId);

    /**
     * Puts {@code input} ({@code primary} or {@code secondary}) on air now. The switch shows in the
     * events ({@link MediaEvent.InputSwitched}, reason {@code manual}) when the backend applies it.
     *
     * @param reason the operator's words, for the log; never the event's reason
     * @return what the operator should know about when the switch takes effect, if anything
     * @throws io.lunora.support.problem.ConflictException when the channel cannot switch by hand now
     *         (none runs; on MediaLive a failover pair that returns to the primary on its own)
     */
    Optional<String> switchTo(String organizationId, String input, String reason);

    /**
     * "Pause all": the slate on air for every output, their connections kept (pause), or the
     * selected input back on air (resume); idempotent. The switch shows in the events with reason
     * {@code paused}/{@code resumed}.
     *
     * @throws io.lunora.support.problem.ConflictException when no session runs, or the backend cannot pause
     */
    void pause(String organizationId, boolean pause);

    /** Receives output state changes and input switches of every channel until closed. */
    AutoCloseable subscribe(Consumer<MediaEvent> listener);
}
