package io.lunora.destination.connectivity;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.bytedeco.javacpp.Loader;

/**
 * A real RTMP server: the bundled FFmpeg as {@code ffmpeg -listen 1 -i rtmp://HOST:PORT/live/KEY -f null -},
 * which accepts one publisher. Readiness is read from {@code /proc/net/tcp} (a probing connection
 * would use up its single accept).
 */
public final class FfmpegRtmpServer implements AutoCloseable {
    private final Process process;
    private final Path log;

    private FfmpegRtmpServer(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static FfmpegRtmpServer start(String host, int port, String path) {
        try {
            Path executable = Path.of(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class));
            Path log = Files.createTempFile("ffmpeg-rtmp", ".log");
            ProcessBuilder builder = new ProcessBuilder(List.of(executable.toString(), "-hide_banner", "-nostdin",
                    "-loglevel", "verbose", "-listen", "1", "-i", "rtmp://" + host + ":" + port + path, "-f", "null", "-"))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("LD_LIBRARY_PATH", executable.getParent().toString());
            FfmpegRtmpServer server = new FfmpegRtmpServer(builder.start(), log);
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                    .until(() -> !server.process.isAlive() || listening(port));
            if (!server.process.isAlive()) {
                throw new IllegalStateException("ffmpeg exited: " + server.output());
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Process process() {
        return process;
    }

    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A socket in state LISTEN (0A) on the port, IPv4 or IPv6. */
    static boolean listening(int port) throws IOException {
        String hexPort = String.format(Locale.ROOT, ":%04X ", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (Files.exists(file) && Files.readAllLines(file).stream()
                    .map(l -> l.trim().split("\\s+")).filter(f -> f.length > 3)
                    .anyMatch(f -> (f[1] + " ").endsWith(hexPort) && f[3].equals("0A"))) {
                return true;
            }
        }
        return false;
    }

}
