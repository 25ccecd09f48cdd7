package io.lunora.source.signal;

/**
 * Outgoing port: the live state of the inputs and switching between them, on whichever media
 * backend runs the channel (the local engine, or MediaLive in AWS).
 */
public interface SourceSignal {

    /** The channel's inputs now; {@code running=false} when no channel runs. */
    SignalStatus status(String organizationId);

    /** Puts {@code input} ({@code primary} or {@code secondary}) on air now. */
    void switchTo(String organizationId, String input, String reason);
}
