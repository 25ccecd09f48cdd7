package io.lunora.system.streaming;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A loopback RTMP server for one publisher on one stream key that records what it gets:
 * {@code ffmpeg -listen 1 -i rtmp://127.0.0.1:PORT/live/KEY -c copy out.flv}. FFmpeg takes a
 * publisher on any key, only logging {@code Unexpected stream OTHER, expecting KEY}: a test asks
 * {@link #publishedOnItsKey()}. Readiness is read from {@code /proc/net/tcp}, since a probing
 * connection would use up its single accept; it ends when its publisher leaves.
 */
public final class RecordingReceiver implements AutoCloseable {
    private final Process process;
    private final Path recording;
    private final int port;

    private RecordingReceiver(Process process, Path recording, int port) {
        this.process = process;
        this.recording = recording;
        this.port = port;
    }

    public static RecordingReceiver listen(int port, String key, Path recording) {
        Process process = MediaTools.start(MediaTools.ffmpeg().command(List.of("-hide_banner", "-nostdin",
                "-loglevel", "info", "-listen", "1", "-i", "rtmp://127.0.0.1:" + port + "/live/" + key,
                "-c", "copy", "-y", recording.toString())), Path.of(recording + ".log"));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> !process.isAlive() || MediaTools.listening(port, false));
        return new RecordingReceiver(process, recording, port);
    }

    /** The destination URL without the key (the key is the destination's secret). */
    public String url() {
        return "rtmp://127.0.0.1:" + port + "/live";
    }

    public Path recording() {
        return recording;
    }

    /** A publisher came, on this receiver's key (FFmpeg would log any other key it was given). */
    public boolean publishedOnItsKey() {
        try {
            String log = java.nio.file.Files.readString(Path.of(recording + ".log"));
            return log.contains("Input #0, flv") && !log.contains("Unexpected stream") && !log.contains("App field don't match up");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Ends cleanly, finishing the file. */
    @Override
    public void close() {
        MediaTools.end(process, false);
    }
}
