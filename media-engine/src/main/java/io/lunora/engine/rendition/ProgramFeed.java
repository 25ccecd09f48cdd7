package io.lunora.engine.rendition;

import io.lunora.engine.process.ChildPool;
import io.lunora.engine.process.ChildProcess;
import io.lunora.engine.process.Progress;
import io.lunora.engine.process.ProgressMeters;
import io.lunora.engine.program.ProgramBus;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Supervision listener of an FFmpeg that reads the program on stdin (rendition encoders, the HLS
 * ladder, the thumbnail writer): joins the program bus while the process runs and leaves it when
 * the process ends, so a restarted child never has a stale pipe on the bus.
 */
public final class ProgramFeed implements ChildProcess.Listener {
    private final String name;
    private final ProgramBus program;
    private final ProgressMeters meters;
    private final Consumer<Process> whenStarted;
    private final boolean measuresOutput;
    private volatile PacketPipe pipe;
    private volatile EncoderLatency latency = new EncoderLatency();
    private volatile Consumer<String> lines = line -> {
    };

    /** @param meters progress meters to update, or null */
    public ProgramFeed(String name, ProgramBus program, ProgressMeters meters) {
        this(name, program, meters, false, process -> {
        });
    }

    /**
     * @param meters      progress meters to update, or null
     * @param measuresOutput whether the owner reads the process's output and tells {@link #latency()} of
     *                       it, so that the feeding pipe skips on what the encoder holds too
     * @param whenStarted what else starts with the process (e.g. reading its stdout), before it gets the program
     */
    public ProgramFeed(String name, ProgramBus program, ProgressMeters meters, boolean measuresOutput,
            Consumer<Process> whenStarted) {
        this.measuresOutput = measuresOutput;
        this.name = name;
        this.program = program;
        this.meters = meters;
        this.whenStarted = whenStarted;
    }

    @Override
    public void started(Process process) {
        EncoderLatency started = new EncoderLatency();
        latency = started;
        PacketPipe feed = new PacketPipe(name, process.getOutputStream(), MediaPackets.PROGRAM, PacketPipe.LIVE_EDGE,
                () -> ChildPool.signal(process, true), measuresOutput ? started : null);
        pipe = feed;
        whenStarted.accept(process);
        program.addReader(feed);
    }

    /** Hands the child's stderr lines (not its progress) to {@code reader} too. */
    public ProgramFeed readingLines(Consumer<String> reader) {
        this.lines = reader;
        return this;
    }

    @Override
    public void line(String line) {
        lines.accept(line);
    }

    @Override
    public void stopping() {
        PacketPipe feed = pipe;
        if (feed != null) {
            program.removeReader(feed);
            feed.close();
        }
    }

    /** How long the running process holds the program before it puts it out (one per process start). */
    public EncoderLatency latency() {
        return latency;
    }

    /** The feeding pipe of the running process, or null. */
    public PacketPipe pipe() {
        return pipe;
    }

    @Override
    public void progress(Progress progress) {
        if (meters != null) {
            meters.update(progress);
        }
    }

    @Override
    public void exited(int exitCode, String lastError, Duration restartIn) {
        PacketPipe feed = pipe;
        if (feed != null) {
            program.removeReader(feed);
            feed.close();
        }
        if (meters != null) {
            meters.reset();
        }
    }
}
