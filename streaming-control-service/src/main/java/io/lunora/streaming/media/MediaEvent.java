package io.lunora.streaming.media;

import java.time.Instant;

/** What the media plane tells the control service as it happens. */
public sealed interface MediaEvent {
    String organizationId();

    Instant time();

    record OutputStateChanged(String organizationId, Instant time, String destinationId, String state,
            String lastError) implements MediaEvent {
    }

    /** @param reason {@code input_loss}, {@code manual}, {@code failback} … */
    record InputSwitched(String organizationId, Instant time, String from, String to, String reason)
            implements MediaEvent {
    }
}
