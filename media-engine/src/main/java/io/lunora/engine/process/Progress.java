package io.lunora.engine.process;

/**
 * One FFmpeg progress report ({@code -progress pipe:2}).
 *
 * @param bitrateKbps output bitrate so far, 0 when FFmpeg does not know it yet
 * @param speed       media time per wall time; 1.0 is real time
 */
public record Progress(long frame, double fps, double bitrateKbps, double speed, long droppedFrames,
        long duplicatedFrames, long totalSizeBytes, long outTimeMicros) {
    public static final Progress NONE = new Progress(0, 0, 0, 0, 0, 0, 0, 0);
}
