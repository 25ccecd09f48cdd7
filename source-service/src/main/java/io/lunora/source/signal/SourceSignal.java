package io.lunora.source.signal;

import java.util.Optional;

/**
 * Outgoing port: the live state of the inputs and switching between them, on whichever media
 * backend runs the channel (the local engine, or MediaLive in AWS).
 */
public interface SourceSignal {

    /** The channel's inputs now; {@code running=false} when no channel runs. */
    SignalStatus status(String organizationId);

    /**
     * Puts {@code input} ({@code primary} or {@code secondary}) on air now.
     *
     * @return what the operator should know about when the switch takes effect, if anything
     */
    Optional<String> switchTo(String organizationId, String input, String reason);
}
