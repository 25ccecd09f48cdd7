package io.lunora.engine.channel;

import io.lunora.engine.EngineProperties;
import io.lunora.engine.events.EngineEvents;
import io.lunora.engine.ffmpeg.Ffmpeg;
import io.lunora.engine.process.ChildPool;
import io.lunora.engine.process.Redactor;
import io.micrometer.core.instrument.MeterRegistry;

/** What every channel and relay of the engine shares. */
public record ChannelResources(EngineProperties properties, Ffmpeg ffmpeg, ChildPool pool, Redactor redactor,
        MeterRegistry registry, EngineEvents events) {
}
