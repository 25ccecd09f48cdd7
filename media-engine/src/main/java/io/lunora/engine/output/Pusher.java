package io.lunora.engine.output;

import io.lunora.engine.ffmpeg.Ffmpeg;
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
 */
public final class Pusher implements AutoCloseable {
    private final String destinationId;
    private final Rendition rendition;
    private final Redactor redactor;
    private final int maxAttempts;
    private final Consumer<OutputStatus> changes;
    private final Backoff backoff = Backoff.standard();
    private final ProgressMeters meters;
    private final PublishEndpoint target;
    private final ChildProcess child;
    private volatile PacketPipe pipe;
    private volatile OutputState state = OutputState.STOPPED;
    private volatile String lastError;
    private volatile int attempts;

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
        this.child = pool.create(new ChildSpec("pusher-" + destinationId, ffmpeg.command(arguments(target.ffmpegOutput())),
                ffmpeg.environment(), backoff), new ChildProcess.Listener() {
                    @Override
                    public void started(Process process) {
                        PacketPipe feed = new PacketPipe("pusher-" + destinationId, process.getOutputStream(),
                                rendition.output(), PacketPipe.LIVE_EDGE, () -> ChildPool.signal(process, true));
                        pipe = feed;
                        rendition.output().addReader(feed);
                        if (state == OutputState.RETRYING) {
                            change(OutputState.CONNECTING);
                        }
                    }

                    @Override
                    public void stopping() {
                        unfeed();
                    }

                    @Override
                    public void progress(Progress progress) {
                        meters.update(progress);
                        // only a push under way goes live: the stderr reader may still hand over the last
                        // progress lines of a process that stop() has already ended (STOPPED stays STOPPED)
                        if (progress.totalSizeBytes() > 0 && progress.outTimeMicros() > 0
                                && (state == OutputState.CONNECTING || state == OutputState.RETRYING)) {
                            backoff.reset();
                            attempts = 0;
                            change(OutputState.LIVE);
                        }
                    }

                    @Override
                    public void exited(int exitCode, String error, Duration restartIn) {
                        unfeed();
                        meters.reset();
                        if (restartIn == null) {
                            return;
                        }
                        lastError = error.isBlank() ? "FFmpeg exited with " + exitCode : redactor.redact(error);
                        attempts++;
                        if (attempts >= maxAttempts) {
                            child.stop();
                            change(OutputState.FAILED);
                        } else {
                            change(OutputState.RETRYING);
                        }
                    }
                });
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
        PacketPipe feed = pipe;
        if (feed != null) {
            rendition.output().removeReader(feed);
            feed.close();
            pipe = null;
        }
    }

    private void change(OutputState next) {
        state = next;
        changes.accept(status());
    }

    public String destinationId() {
        return destinationId;
    }

    public Rendition rendition() {
        return rendition;
    }

    public void start() {
        attempts = 0;
        lastError = null;
        backoff.reset();
        change(OutputState.CONNECTING);
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
        unfeed();
        change(OutputState.STOPPED);
    }

    /** How the push keeps up: its speed, its feed's lag and what was skipped to stay at the live edge. */
    public EncoderStatus feedStatus() {
        return EncoderStatus.of("pusher-" + destinationId, meters.latest(), pipe);
    }

    /** The push's latest progress (bitrate, bytes sent); {@link Progress#NONE} while it does not run. */
    public Progress progress() {
        return meters.latest();
    }

    /** Pushing, connecting or retrying: neither failed for good nor stopped. */
    public boolean running() {
        return state != OutputState.FAILED && state != OutputState.STOPPED;
    }

    /** Already runs as asked: to this target and neither failed for good nor stopped. */
    public boolean runs(PublishEndpoint asked) {
        return running() && target.equals(asked);
    }

    public OutputStatus status() {
        return new OutputStatus(destinationId, state, rendition.label(), lastError, attempts,
                meters.latest().bitrateKbps());
    }

    @Override
    public void close() {
        stop();
        meters.close();
    }
}
