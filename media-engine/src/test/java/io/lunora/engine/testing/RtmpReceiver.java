package io.lunora.engine.testing;

import io.lunora.engine.ffmpeg.Ffmpeg;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An RTMP server for one publisher (FFmpeg in listen mode) that records what it receives. FFmpeg
 * takes a publisher on any key and only logs {@code Unexpected stream OTHER, expecting KEY}, so its
 * log is kept beside the recording and a test asks {@link #publishedOnItsKey()}.
 */
public final class RtmpReceiver implements AutoCloseable {
    private final Process process;
    private final Path recording;

    private RtmpReceiver(Process process, Path recording) {
        this.process = process;
        this.recording = recording;
    }

    public static RtmpReceiver listen(int port, String key, Path recording) {
        return listen("127.0.0.1", port, key, recording);
    }

    /** A receiver on another loopback address than 127.0.0.1 (the publish guard's allow-list tests). */
    public static RtmpReceiver listen(String host, int port, String key, Path recording) {
        Ffmpeg ffmpeg = Media.ffmpeg();
        try {
            // info level: the input's description proves a publisher came, the key warning that it was another key
            Process process = ffmpeg.processBuilder(ffmpeg.command(List.of("-hide_banner", "-nostdin", "-nostats",
                    "-loglevel", "info", "-listen", "1", "-i", url(host, port) + "/" + key,
                    "-c", "copy", "-y", recording.toString()))).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.to(log(recording).toFile())).start();
            // a publisher that comes before the listener is bound is refused: wait for the socket
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                    .pollInterval(java.time.Duration.ofMillis(50)).until(() -> listening(port) || !process.isAlive());
            return new RtmpReceiver(process, recording);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A TCP socket in LISTEN state on the port (from /proc/net/tcp and tcp6). */
    static boolean listening(int port) throws IOException {
        String local = String.format(java.util.Locale.ROOT, ":%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (Files.exists(file) && Files.readAllLines(file).stream().skip(1).map(l -> l.trim().split("\\s+"))
                    .anyMatch(f -> f.length > 3 && f[1].endsWith(local) && f[3].equals("0A"))) {
                return true;
            }
        }
        return false;
    }

    public static String url(int port) {
        return url("127.0.0.1", port);
    }

    public static String url(String host, int port) {
        return "rtmp://" + host + ":" + port + "/live";
    }

    public Path recording() {
        return recording;
    }

    /** A publisher came, on this receiver's key and application (FFmpeg logs any other it was given). */
    public boolean publishedOnItsKey() {
        try {
            String log = Files.readString(log(recording));
            return log.contains("Input #0, flv") && !log.contains("Unexpected stream") && !log.contains("App field don't match up");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path log(Path recording) {
        return Path.of(recording + ".log");
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
