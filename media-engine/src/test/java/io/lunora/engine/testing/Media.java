package io.lunora.engine.testing;

import io.lunora.engine.ffmpeg.Ffmpeg;
import io.lunora.engine.ffmpeg.FfmpegLocator;

/** The engine's FFmpeg for tests, located and verified once per JVM. */
public final class Media {
    private static Ffmpeg ffmpeg;

    private Media() {
    }

    public static synchronized Ffmpeg ffmpeg() {
        if (ffmpeg == null) {
            ffmpeg = FfmpegLocator.locate(null);
        }
        return ffmpeg;
    }
}
