package io.lunora.engine.workload;

import io.lunora.engine.EngineProperties;
import io.lunora.engine.events.EngineEvents;
import io.lunora.engine.ffmpeg.Ffmpeg;
import io.lunora.engine.process.ChildPool;
import io.lunora.engine.process.Redactor;
import io.lunora.engine.rendition.RecentSaturation;
import io.lunora.model.media.OutputStatus;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;

/**
 * What every channel and relay of the engine shares.
 *
 * @param saturation the x264 step the machine's encoders needed lately, where new encoders start
 */
public record WorkloadResources(EngineProperties properties, Ffmpeg ffmpeg, ChildPool pool, Redactor redactor,
        MeterRegistry registry, EngineEvents events, RecentSaturation saturation) {

    /** Tells the event stream that an output of {@code organizationId} changed state. */
    public void outputChanged(String organizationId, OutputStatus status) {
        events.output(new EngineEvents.OutputEvent(organizationId, Instant.now().toString(), status.destinationId(),
                WorkloadState.wire(status.state()), status.lastError()));
    }
}
