package io.lunora.engine.rendition;

import io.lunora.engine.process.Progress;

/**
 * How one encoder keeps up with real time, for the status API: its speed (1.0 is real time), how
 * long the latest packet waited for it, the frames it dropped as too late (FFmpeg's count) and what
 * was skipped to keep it at the live edge.
 *
 * @param skips    how many times it fell behind and was brought back to the live edge
 * @param x264Preset the x264 preset it runs with now, null when that does not apply
 * @param degraded   it runs a faster preset than usual because it could not keep real time
 */
public record EncoderStatus(String name, double speed, long lagMs, long droppedFrames, long droppedPackets,
        long skips, String x264Preset, boolean degraded) {

    public static EncoderStatus idle(String name) {
        return new EncoderStatus(name, 0, 0, 0, 0, 0, null, false);
    }

    public static EncoderStatus of(String name, Progress progress, PacketPipe pipe) {
        return pipe == null ? new EncoderStatus(name, progress.speed(), 0, progress.droppedFrames(), 0, 0, null, false)
                : new EncoderStatus(name, progress.speed(), pipe.lag().toMillis(), progress.droppedFrames(),
                        pipe.dropped(), pipe.skips(), null, false);
    }

    /** This status with the drops of earlier encoders of the same rendition added, and its preset. */
    EncoderStatus after(long droppedFramesBefore, long droppedPacketsBefore, String preset, boolean slower) {
        return new EncoderStatus(name, speed, lagMs, droppedFrames + droppedFramesBefore,
                droppedPackets + droppedPacketsBefore, skips, preset, slower);
    }

    public static EncoderStatus of(String name, ProgramFeed feed, Progress progress) {
        return of(name, progress, feed.pipe());
    }
}
