package io.lunora.engine.output;

import io.lunora.engine.ffmpeg.Ffmpeg;
import io.lunora.engine.loop.RunLoop;
import io.lunora.engine.process.Backoff;
import io.lunora.engine.process.ChildPool;
import io.lunora.engine.process.ChildProcess;
import io.lunora.engine.process.ChildSpec;
import io.lunora.engine.process.Progress;
import io.lunora.engine.process.ProgressMeters;
import io.lunora.engine.process.Redactor;
import io.lunora.engine.rendition.EncoderStatus;
import io.lunora.engine.rendition.PacketPipe;
import io.lunora.engine.rendition.Rendition;
import io.lunora.model.media.OutputState;
import io.lunora.model.media.OutputStatus;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import java.util.function.Consumer;

/**
 * One destination: a copy-only FFmpeg that publishes its rendition as FLV over RTMP(S), fed
 * from the rendition starting at a keyframe. It is started and stopped alone, never touching
 * the other destinations. A push that fails while wanted is retried with backoff (1 s to 30 s,
 * jittered) until it has failed {@code maxAttempts} times in a row.
 *
 * <p>Its state belongs to its {@link RunLoop} ({@code pusher-<destination>}): the child's
 * callbacks (started, progress, exited, stopping) are posted there and never wait (the child calls
 * some of them under its own lock), start and stop are commands; the status is an immutable
 * snapshot the loop publishes.
 */
public final class Pusher implements AutoCloseable {
    private static final Duration COMMAND_DEADLINE = Duration.ofSeconds(5);

    private final String destinationId;
    private final Rendition rendition;
    private final Redactor redactor;
    private final int maxAttempts;
    private final Consumer<OutputStatus> changes;
    private final Backoff backoff = Backoff.standard();
    private final ProgressMeters meters;
    private final PublishEndpoint target;
    private final ChildProcess child;
    private final RunLoop loop;
    /** What the status shows: written by the loop, read by anyone. */
    private volatile Outcome outcome = new Outcome(OutputState.STOPPED, null, 0, null);

    /** The push's state, its latest error, failed attempts in a row, and the pipe feeding it (or null). */
    private record Outcome(OutputState state, String lastError, int attempts, PacketPipe pipe) {
        Outcome with(OutputState next) {
            return new Outcome(next, lastError, attempts, pipe);
        }

        Outcome with(PacketPipe feed) {
            return new Outcome(state, lastError, attempts, feed);
        }
    }

    public Pusher(String destinationId, PublishEndpoint target, Rendition rendition, Ffmpeg ffmpeg,
            ChildPool pool, Redactor redactor, MeterRegistry registry, int maxAttempts, Consumer<OutputStatus> changes) {
        this.destinationId = destinationId;
        this.target = target;
        this.rendition = rendition;
        this.redactor = redactor;
        this.maxAttempts = maxAttempts;
        this.changes = changes;
        redactor.register(target.target().streamKey());
        this.meters = new ProgressMeters(registry, "pusher", destinationId);
        this.loop = new RunLoop("pusher", destinationId, 100);
        this.child = pool.create(new ChildSpec("pusher-" + destinationId, ffmpeg.command(arguments(target.ffmpegOutput())),
                ffmpeg.environment(), backoff), new ChildProcess.Listener() {
                    @Override
                    public void started(Process process) {
                        loop.execute(() -> feed(process));
                    }

                    @Override
                    public void stopping() {
                        loop.execute(Pusher.this::unfeed);
                    }

                    @Override
                    public void progress(Progress progress) {
                        meters.update(progress);
                        if (progress.totalSizeBytes() > 0 && progress.outTimeMicros() > 0) {
                            loop.execute(Pusher.this::pushing);
                        }
                    }

                    @Override
                    public void exited(int exitCode, String error, Duration restartIn) {
                        loop.execute(() -> ended(exitCode, error, restartIn));
                    }
                });
    }

    private void feed(Process process) {
        PacketPipe feed = new PacketPipe("pusher-" + destinationId, process.getOutputStream(),
                rendition.output(), PacketPipe.LIVE_EDGE, () -> ChildPool.signal(process, true));
        outcome = outcome.with(feed);
        rendition.output().addReader(feed);
        if (outcome.state() == OutputState.RETRYING) {
            change(OutputState.CONNECTING);
        }
    }

    /**
     * Only a push under way goes live: the stderr reader may still hand over the last progress
     * lines of a process that stop() has already ended (STOPPED stays STOPPED).
     */
    private void pushing() {
        OutputState state = outcome.state();
        if (state == OutputState.CONNECTING || state == OutputState.RETRYING) {
            backoff.reset();
            outcome = new Outcome(state, outcome.lastError(), 0, outcome.pipe());
            change(OutputState.LIVE);
        }
    }

    private void ended(int exitCode, String error, Duration restartIn) {
        unfeed();
        meters.reset();
        if (restartIn == null) {
            return;
        }
        int attempts = outcome.attempts() + 1;
        outcome = new Outcome(outcome.state(), error.isBlank() ? "FFmpeg exited with " + exitCode : redactor.redact(error),
                attempts, outcome.pipe());
        if (attempts >= maxAttempts) {
            child.stop();
            change(OutputState.FAILED);
        } else {
            change(OutputState.RETRYING);
        }
    }

    /**
     * The probe is bounded by bytes as well as by 1 s of media: 2 MB, because a muxer that writes
     * each frame whole (FFmpeg's, and so the relay's renditions) puts the first audio after the
     * keyframe hundreds of kB later at 6 Mbit/s, and a pusher that has not seen the audio cannot
     * write its FLV header. The probe ends as soon as both streams are known, so the bound costs
     * no start time.
     */
    static List<String> arguments(List<String> output) {
        return Stream.concat(Stream.of("-hide_banner", "-loglevel", "warning", "-nostats", "-progress", "pipe:2", "-stats_period", "1",
                "-probesize", "2000000", "-analyzeduration", "1000000", "-f", "mpegts", "-i", "pipe:0",
                "-map", "0:v:0", "-map", "0:a:0?", "-c", "copy", "-f", "flv", "-flvflags", "no_duration_filesize",
                "-rw_timeout", "10000000"), output.stream()).toList();
    }

    private void unfeed() {
        PacketPipe feed = outcome.pipe();
        if (feed != null) {
            rendition.output().removeReader(feed);
            feed.close();
            outcome = outcome.with((PacketPipe) null);
        }
    }

    private void change(OutputState next) {
        outcome = outcome.with(next);
        changes.accept(status());
    }

    public String destinationId() {
        return destinationId;
    }

    public Rendition rendition() {
        return rendition;
    }

    /** Starts the push: its state on the loop, the process (I/O) on the caller's thread. */
    public void start() {
        loop.run("start", COMMAND_DEADLINE, () -> {
            backoff.reset();
            outcome = new Outcome(outcome.state(), null, 0, outcome.pipe());
            change(OutputState.CONNECTING);
        });
        child.start();
    }

    /**
     * Ends the running push so that supervision starts it again (state {@code retrying}): after
     * its rendition's ingest reconnected, a fresh FFmpeg starts on the new stream's keyframe and
     * timeline instead of copying a jump in time to the destination.
     */
    public void reconnect() {
        child.kill();
    }

    /** Stops this destination only. */
    public void stop() {
        child.stop().join();
        loop.run("stop", COMMAND_DEADLINE, () -> {
            unfeed();
            change(OutputState.STOPPED);
        });
    }

    /**
     * Stops this destination with {@code reason} as its error, state {@code failed} (e.g. shed so
     * that others keep real time): it is not running, and a new start brings it back.
     */
    public void stopFailed(String reason) {
        child.stop().join();
        loop.run("stop failed", COMMAND_DEADLINE, () -> {
            unfeed();
            outcome = new Outcome(outcome.state(), reason, outcome.attempts(), outcome.pipe());
            change(OutputState.FAILED);
        });
    }

    /** How the push keeps up: its speed, its feed's lag and what was skipped to stay at the live edge. */
    public EncoderStatus feedStatus() {
        return EncoderStatus.of("pusher-" + destinationId, meters.latest(), outcome.pipe());
    }

    /** The push's latest progress (bitrate, bytes sent); {@link Progress#NONE} while it does not run. */
    public Progress progress() {
        return meters.latest();
    }

    /** Pushing, connecting or retrying: neither failed for good nor stopped. */
    public boolean running() {
        OutputState state = outcome.state();
        return state != OutputState.FAILED && state != OutputState.STOPPED;
    }

    /** Already runs as asked: to this target and neither failed for good nor stopped. */
    public boolean runs(PublishEndpoint asked) {
        return running() && target.equals(asked);
    }

    public OutputStatus status() {
        Outcome now = outcome;
        return new OutputStatus(destinationId, now.state(), rendition.label(), now.lastError(), now.attempts(),
                meters.latest().bitrateKbps());
    }

    /** Stops the push, then its loop (a second close finds the loop stopped and does nothing more). */
    @Override
    public void close() {
        try {
            stop();
        } catch (RunLoop.LoopStoppedException alreadyClosed) {
            return;
        } finally {
            loop.close();
        }
        meters.close();
    }
}
