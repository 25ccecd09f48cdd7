package io.lunora.engine.process;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

/**
 * The latest progress of one child as Micrometer gauges ({@code lunora.engine.child.*}, tagged
 * with the child's role and name), and as a value for the status API.
 */
public final class ProgressMeters implements AutoCloseable {
    private final AtomicReference<Progress> latest = new AtomicReference<>(Progress.NONE);
    private final MeterRegistry registry;
    private final List<Meter> meters;

    public ProgressMeters(MeterRegistry registry, String role, String name) {
        this.registry = registry;
        this.meters = List.of(
                gauge("fps", "frames per second", role, name, Progress::fps),
                gauge("bitrate", "output bitrate in kbit/s", role, name, Progress::bitrateKbps),
                gauge("speed", "media time per wall time", role, name, Progress::speed),
                gauge("dropped.frames", "frames dropped so far", role, name, p -> p.droppedFrames()),
                gauge("duplicated.frames", "frames duplicated so far", role, name, p -> p.duplicatedFrames()));
    }

    private Meter gauge(String metric, String description, String role, String name, ToDoubleFunction<Progress> value) {
        return Gauge.builder("lunora.engine.child." + metric, latest, r -> value.applyAsDouble(r.get()))
                .description(description).tag("role", role).tag("name", name).register(registry);
    }

    public void update(Progress progress) {
        latest.set(progress);
    }

    public void reset() {
        latest.set(Progress.NONE);
    }

    public Progress latest() {
        return latest.get();
    }

    @Override
    public void close() {
        meters.forEach(registry::remove);
    }
}
