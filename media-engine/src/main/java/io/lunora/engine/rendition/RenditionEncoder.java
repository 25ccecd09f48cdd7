package io.lunora.engine.rendition;

import io.lunora.engine.ffmpeg.Ffmpeg;
import io.lunora.engine.loop.RunLoop;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One encoder per distinct preset: reads the program TS on stdin, stamps it with wall-clock time
 * (so input switches never break the output timeline), encodes, and writes MPEG-TS to stdout for
 * the pushers that share it. Small probing keeps its start-up delay under a second.
 *
 * <p>Live edge: an encoder slower than real time has its feed skipped to the live edge by its
 * {@link PacketPipe}; when that keeps happening ({@link SpeedSteps}) the encoder is replaced by one
 * with a faster x264 preset, and brought back after a calm while. The replacement starts next to
 * the running one and takes over at its first keyframe that does not go back in time (make before
 * break: no gap at the receivers). A replacement's output timeline starts where the wall clock is
 * since this rendition was created (not at zero), so it continues the running one's and the
 * pushers keep their one connection.
 *
 * <p>Its state belongs to its {@link RunLoop} ({@code rendition-<label>}): start, close, the
 * speed check (the loop's tick) and a replacement's take-over run there. The output readers (one
 * per running FFmpeg) see which generation is on through an immutable snapshot, and a
 * replacement's reader waits for the loop's take-over (bounded) before its first packet goes out.
 */
public final class RenditionEncoder implements Rendition, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RenditionEncoder.class);
    private static final Duration CHECK = Duration.ofSeconds(1);
    /** A replacement that has not put out a keyframe by then is given up (the current one keeps running). */
    private static final Duration TAKE_OVER_WITHIN = Duration.ofSeconds(10);
    private static final long PCR_MASK = (1L << 33) - 1;
    private static final Duration COMMAND_DEADLINE = Duration.ofSeconds(5);

    private final RenditionPreset preset;
    private final Ffmpeg ffmpeg;
    private final ChildPool pool;
    private final ProgramBus program;
    private final TsFanOut output = new TsFanOut();
    private final ProgressMeters meters;
    private final long createdNanos = System.nanoTime();
    private final RunLoop loop;
    private final Runnable overloaded;
    /** Which generation is on (and which may take over): written by the loop, read by the output readers and status. */
    private volatile On on;
    /** The latest clock reference the readers got: written by the output reader of the generation that is on. */
    private volatile long lastPcr = -1;
    // owned by the loop
    private final SpeedSteps speed;
    private long candidateSince;
    private boolean started;
    private boolean closed;
    private PacketPipe pipeSeen;
    private long skipsSeen;

    /** One FFmpeg at one speed step; only the current one's output reaches the readers. */
    private record Generation(int step, ProgramFeed feed, ChildProcess child) {
    }

    /**
     * @param candidate a replacement being started, or null
     * @param droppedFramesBefore what the generations replaced so far dropped, for the status
     */
    private record On(Generation current, Generation candidate, long droppedFramesBefore, long droppedPacketsBefore) {
        On withCandidate(Generation replacement) {
            return new On(current, replacement, droppedFramesBefore, droppedPacketsBefore);
        }
    }

    /**
     * @param machine    what this machine's encoders needed lately: the step this one starts at
     * @param overloaded told (on this encoder's loop; it must not block) each time the encoder falls
     *                   behind real time again at its fastest step: only less work on the machine helps
     */
    public RenditionEncoder(RenditionPreset preset, Ffmpeg ffmpeg, ChildPool pool, ProgramBus program,
            MeterRegistry registry, RecentSaturation machine, Runnable overloaded) {
        this.preset = preset;
        this.ffmpeg = ffmpeg;
        this.pool = pool;
        this.program = program;
        this.overloaded = overloaded;
        this.meters = new ProgressMeters(registry, "rendition", preset.label());
        this.speed = new SpeedSteps(preset.fastestStep(), System.nanoTime(), machine);
        if (speed.step() > 0) {
            log.info("Rendition {} starts at x264 {}: this machine's encoders needed it lately", preset.label(),
                    preset.speedName(speed.step()));
        }
        this.on = new On(generation(speed.step()), null, 0, 0);
        this.loop = preset.fastestStep() > 0
                ? RunLoop.ticking("rendition", preset.label(), 100, CHECK, this::checkSpeed)
                : new RunLoop("rendition", preset.label(), 100); // a copy has no speed to change
    }

    private Generation generation(int step) {
        String name = "rendition-" + preset.label();
        Generation[] self = new Generation[1];
        ProgramFeed feed = new ProgramFeed(name, program, meters, true, process -> {
            EncoderLatency latency = self[0].feed().latency();
            Thread.ofVirtual().name(name + "-stdout")
                    .start(() -> read(self[0], new TsReader(process.getInputStream()), latency));
        });
        String since = String.format(Locale.ROOT, "%.3f", (System.nanoTime() - createdNanos) / 1e9);
        ChildProcess child = pool.create(new ChildSpec(name, ffmpeg.command(arguments(preset, step, since)),
                ffmpeg.environment(), Backoff.standard()), feed);
        self[0] = new Generation(step, feed, child);
        return self[0];
    }

    static List<String> arguments(RenditionPreset preset) {
        return arguments(preset, 0, "0");
    }

    /**
     * @param startsAt where this encoder's output timeline starts: seconds since the rendition was
     *                 created. Not the wall clock with {@code -copyts} alone: constant frame rate
     *                 would fill the time before the first frame with copies of it.
     */
    static List<String> arguments(RenditionPreset preset, int step, String startsAt) {
        List<String> args = new ArrayList<>(List.of("-hide_banner", "-loglevel", "warning", "-nostats",
                "-progress", "pipe:2", "-stats_period", "1",
                "-probesize", "200000", "-analyzeduration", "1000000", "-fflags", "+genpts+discardcorrupt",
                // two packets queued after the demuxer: a slow encoder backs up into its pipe, where it is seen
                "-use_wallclock_as_timestamps", "1", "-thread_queue_size", "2", "-f", "mpegts", "-i", "pipe:0"));
        args.addAll(preset.encoderOptions(step));
        args.addAll(List.of("-copyts", "-start_at_zero", "-output_ts_offset", startsAt, "-muxdelay", "0",
                "-f", "mpegts", "pipe:1"));
        return args;
    }

    private void read(Generation generation, TsReader reader, EncoderLatency latency) {
        byte[] packet = new byte[TsPacket.SIZE];
        try {
            while (reader.next(packet)) {
                if (generation == on.candidate() && takesOverAt(packet)) {
                    takeOverFor(generation);
                }
                if (on.current() != generation) {
                    continue; // a replacement not yet on, or a replaced one still flushing: never mixed in
                }
                latency.output(packet, System.nanoTime());
                long pcr = TsPacket.pcrBase(packet);
                if (pcr >= 0) {
                    lastPcr = pcr;
                }
                output.publish(packet.clone());
            }
        } catch (IOException closed) {
            // the encoder ended; supervision restarts it if it is still wanted
        }
    }

    /** A keyframe with a clock reference (the video's) not before the latest one the readers got. */
    private boolean takesOverAt(byte[] packet) {
        long pcr = TsPacket.pcrBase(packet);
        long last = lastPcr;
        return pcr >= 0 && TsPacket.randomAccess(packet) && (last < 0 || ((pcr - last) & PCR_MASK) < PCR_MASK / 2);
    }

    /** On the replacement's output reader: the loop switches over before this packet goes out. */
    private void takeOverFor(Generation replacement) {
        try {
            loop.run("take over", COMMAND_DEADLINE, () -> takeOver(replacement));
        } catch (RuntimeException busyOrClosed) {
            log.debug("Rendition {}: no take-over ({})", preset.label(), busyOrClosed.toString());
        }
    }

    private void takeOver(Generation replacement) {
        On now = on;
        if (closed || now.candidate() != replacement) {
            return;
        }
        Generation old = now.current();
        EncoderStatus last = EncoderStatus.of("", old.feed(), meters.latest());
        on = new On(replacement, null, now.droppedFramesBefore() + last.droppedFrames(),
                now.droppedPacketsBefore() + last.droppedPackets());
        old.child().stop();
        log.info("Rendition {} runs x264 {} now", preset.label(), preset.speedName(replacement.step()));
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
        On now = on;
        Generation current = now.current();
        EncoderStatus status = EncoderStatus.of("rendition-" + preset.label(), current.feed(), meters.latest());
        return status.after(now.droppedFramesBefore(), now.droppedPacketsBefore(), preset.speedName(current.step()),
                current.step() > 0);
    }

    public void start() {
        loop.run("start", COMMAND_DEADLINE, () -> {
            if (started) {
                return;
            }
            started = true;
            on.current().child().start();
        });
    }

    /** Counts the current encoder's skips to the live edge since the last check and changes its speed if needed. */
    private void checkSpeed() {
        if (!started || closed) {
            return;
        }
        PacketPipe pipe = on.current().feed().pipe();
        if (pipe != pipeSeen) {
            pipeSeen = pipe; // a new encoder or a restart: a new pipe counting from zero
            skipsSeen = 0;
        }
        long skips = pipe == null ? skipsSeen : pipe.skips();
        int wanted = speed.observe(System.nanoTime(), skips - skipsSeen);
        skipsSeen = skips;
        replace(wanted);
        if (speed.behindAtFastest() && on.current().step() == wanted) { // not a replaced one's last skips
            log.warn("Rendition {} falls behind real time even at x264 {}", preset.label(), preset.speedName(wanted));
            overloaded.run();
        }
    }

    /** Starts a replacement at {@code step} next to the current encoder, unless one runs at that step already. */
    private void replace(int step) {
        Generation pending = on.candidate();
        if (pending != null && System.nanoTime() - candidateSince > TAKE_OVER_WITHIN.toNanos()) {
            log.warn("Rendition {}: the x264 {} replacement put out no keyframe in {} s; given up", preset.label(),
                    preset.speedName(pending.step()), TAKE_OVER_WITHIN.toSeconds());
            on = on.withCandidate(null);
            pending.child().stop();
            pending = null;
        }
        Generation current = on.current();
        if (closed || pending != null || step == current.step()) {
            return;
        }
        log.info("Rendition {} {} real time: starting x264 {} to replace {}", preset.label(),
                step > current.step() ? "falls behind" : "keeps", preset.speedName(step),
                preset.speedName(current.step()));
        Generation replacement = generation(step);
        on = on.withCandidate(replacement);
        candidateSince = System.nanoTime();
        replacement.child().start();
    }

    /** Stops the encoder (and a replacement being started), waiting for them off the loop, then the loop. */
    @Override
    public void close() {
        List<Generation> running = new ArrayList<>();
        try {
            loop.run("close", COMMAND_DEADLINE, () -> {
                closed = true;
                running.add(on.current());
                if (on.candidate() != null) {
                    running.add(on.candidate());
                }
            });
        } catch (RunLoop.LoopStoppedException alreadyClosed) {
            return;
        } finally {
            loop.close();
        }
        running.stream().map(g -> g.child().stop()).toList().forEach(CompletableFuture::join);
        meters.close();
    }
}
