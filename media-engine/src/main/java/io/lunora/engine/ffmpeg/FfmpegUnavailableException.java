package io.lunora.engine.ffmpeg;

/** The FFmpeg in use cannot run or lacks a capability; the message says what to do. */
public class FfmpegUnavailableException extends RuntimeException {
    public FfmpegUnavailableException(String message) {
        super(message);
    }

    public FfmpegUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
