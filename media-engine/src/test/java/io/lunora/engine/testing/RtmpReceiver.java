package io.lunora.engine.testing;

import io.lunora.engine.ffmpeg.Ffmpeg;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** An RTMP server for one publisher (FFmpeg in listen mode) that records what it receives. */
public final class RtmpReceiver implements AutoCloseable {
    private final Process process;
    private final Path recording;

    private RtmpReceiver(Process process, Path recording) {
        this.process = process;
        this.recording = recording;
    }

    public static RtmpReceiver listen(int port, String key, Path recording) {
        Ffmpeg ffmpeg = Media.ffmpeg();
        try {
            Process process = ffmpeg.processBuilder(ffmpeg.command(List.of("-hide_banner", "-nostdin", "-loglevel", "error",
                    "-listen", "1", "-i", "rtmp://127.0.0.1:" + port + "/live/" + key, "-c", "copy", "-y",
                    recording.toString()))).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            return new RtmpReceiver(process, recording);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String url(int port) {
        return "rtmp://127.0.0.1:" + port + "/live";
    }

    public Path recording() {
        return recording;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Ends like a crashed server: the publisher's connection breaks. */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** Ends cleanly, finishing its recording. */
    @Override
    public void close() {
        process.destroy();
        waitForExit();
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
