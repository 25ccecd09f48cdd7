package io.lunora.engine.rendition;

import io.lunora.engine.ffmpeg.Ffmpeg;
import io.lunora.engine.process.Backoff;
import io.lunora.engine.process.ChildPool;
import io.lunora.engine.process.ChildProcess;
import io.lunora.engine.process.ChildSpec;
import io.lunora.engine.process.Progress;
import io.lunora.engine.process.ProgressMeters;
import io.lunora.engine.program.ProgramBus;
import io.lunora.engine.ts.TsPacket;
import io.lunora.engine.ts.TsReader;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One encoder per distinct preset: reads the program TS on stdin, stamps it with wall-clock time
 * (so input switches never break the output timeline), encodes, and writes MPEG-TS to stdout for
 * the pushers that share it. Small probing keeps its start-up delay under a second.
 */
public final class RenditionEncoder implements Rendition, AutoCloseable {
    private final RenditionPreset preset;
    private final TsFanOut output = new TsFanOut();
    private final ProgressMeters meters;
    private final ProgramFeed feed;
    private final ChildProcess child;

    public RenditionEncoder(RenditionPreset preset, Ffmpeg ffmpeg, ChildPool pool, ProgramBus program,
            MeterRegistry registry) {
        this.preset = preset;
        this.meters = new ProgressMeters(registry, "rendition", preset.label());
        this.feed = new ProgramFeed("rendition-" + preset.label(), program, meters,
                process -> Thread.ofVirtual().name("rendition-" + preset.label() + "-stdout")
                        .start(() -> read(new TsReader(process.getInputStream()))));
        this.child = pool.create(new ChildSpec("rendition-" + preset.label(), ffmpeg.command(arguments(preset)),
                ffmpeg.environment(), Backoff.standard()), feed);
    }

    static List<String> arguments(RenditionPreset preset) {
        List<String> args = new ArrayList<>(List.of("-hide_banner", "-loglevel", "warning", "-nostats",
                "-progress", "pipe:2", "-stats_period", "1",
                "-probesize", "200000", "-analyzeduration", "1000000", "-fflags", "+genpts+discardcorrupt",
                "-use_wallclock_as_timestamps", "1", "-f", "mpegts", "-i", "pipe:0"));
        args.addAll(preset.encoderOptions());
        args.addAll(List.of("-copyts", "-start_at_zero", "-muxdelay", "0", "-f", "mpegts", "pipe:1"));
        return args;
    }

    private void read(TsReader reader) {
        byte[] packet = new byte[TsPacket.SIZE];
        try {
            while (reader.next(packet)) {
                output.publish(packet.clone());
            }
        } catch (IOException closed) {
            // the encoder ended; supervision restarts it if it is still wanted
        }
    }

    public RenditionPreset preset() {
        return preset;
    }

    @Override
    public String label() {
        return preset.label();
    }

    /** The encoded stream; readers join at the next keyframe. */
    @Override
    public TsFanOut output() {
        return output;
    }

    public Progress progress() {
        return meters.latest();
    }

    public EncoderStatus status() {
        return EncoderStatus.of("rendition-" + preset.label(), feed, meters.latest());
    }

    public void start() {
        child.start();
    }

    @Override
    public void close() {
        child.stop().join();
        meters.close();
    }
}
