package io.lunora.engine.reality;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a recording while the receiver writes it, a few seconds at a time (FFmpeg seeks to
 * where it stopped by demuxing, which is cheap), so that the pictures are known soon after they
 * arrive and the decoding cost is spread over the run instead of piling up at each phase's end.
 * The engine stamps its program when its encoder reads it, so a backlog in front of the encoder
 * does not show in the timestamps: only the pictures tell when a switch really reached a receiver.
 */
public final class PictureFollower implements AutoCloseable {
    private final Path recording;
    private final Thread decoder;
    private final List<RecordingAnalysis.Frame> frames = new ArrayList<>();
    private volatile boolean closed;

    private PictureFollower(Path recording) {
        this.recording = recording;
        this.decoder = Thread.ofVirtual().name("pictures-" + recording.getFileName()).start(this::follow);
    }

    public static PictureFollower follow(Path recording) {
        return new PictureFollower(recording);
    }

    private void follow() {
        long decodedTo = -1;
        while (!closed) {
            try {
                if (Files.exists(recording)) {
                    List<RecordingAnalysis.Frame> fresh = RecordingAnalysis.read(recording, Math.max(0, decodedTo))
                            .frames();
                    // the last frames may be cut short by the end of what nginx has written so far: kept for next time
                    long complete = fresh.isEmpty() ? decodedTo : fresh.getLast().timestampMs() - 200;
                    synchronized (this) {
                        for (RecordingAnalysis.Frame frame : fresh) {
                            if (frame.timestampMs() > decodedTo && frame.timestampMs() <= complete) {
                                frames.add(frame);
                            }
                        }
                    }
                    decodedTo = Math.max(decodedTo, complete);
                }
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!closed) {
                    Figures.note("decoding %s failed, trying again: %s", recording.getFileName(), e);
                }
            }
        }
    }

    /** What was decoded so far. */
    public synchronized RecordingAnalysis analysis() {
        return RecordingAnalysis.of(frames);
    }

    /**
     * Waits (up to {@code deadline}) until a frame showing {@code picture} with a timestamp at or
     * after {@code fromMs} has been decoded, then {@code extra} more of media.
     */
    public boolean awaitPicture(Picture picture, long fromMs, Duration extra, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            RecordingAnalysis now = analysis();
            var seen = now.firstAfter(picture, fromMs);
            if (seen.isPresent() && !now.frames().isEmpty()
                    && now.frames().getLast().timestampMs() >= seen.get().timestampMs() + extra.toMillis()) {
                return true;
            }
            RealityRig.sleep(Duration.ofMillis(500));
        }
        return false;
    }

    /** Waits (up to {@code deadline}) until what was decoded satisfies {@code condition}; false when it never did. */
    public boolean awaitAnalysis(java.util.function.Predicate<RecordingAnalysis> condition, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            if (condition.test(analysis())) {
                return true;
            }
            RealityRig.sleep(Duration.ofMillis(500));
        }
        return false;
    }

    /** Waits until the frames up to {@code timestampMs} are decoded. */
    public boolean awaitDecoded(long timestampMs, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            synchronized (this) {
                if (!frames.isEmpty() && frames.getLast().timestampMs() >= timestampMs) {
                    return true;
                }
            }
            RealityRig.sleep(Duration.ofMillis(500));
        }
        return false;
    }

    @Override
    public void close() {
        closed = true;
        decoder.interrupt();
        try {
            decoder.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
