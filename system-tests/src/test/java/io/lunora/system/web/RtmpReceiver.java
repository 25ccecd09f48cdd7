package io.lunora.system.web;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.Loader;

/**
 * A loopback RTMP server for one publisher: the bundled FFmpeg as
 * {@code ffmpeg -listen 1 -i rtmp://127.0.0.1:PORT/live/KEY -f null -}. Readiness is read from
 * {@code /proc/net/tcp}, since a probing connection would use up its single accept.
 */
final class RtmpReceiver implements AutoCloseable {
    private final Process process;
    final int port;

    private RtmpReceiver(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static RtmpReceiver start(int port, String key) {
        try {
            Path ffmpeg = Path.of(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class));
            Path log = Files.createTempFile("rtmp-receiver", ".log");
            ProcessBuilder builder = new ProcessBuilder(List.of(ffmpeg.toString(), "-hide_banner", "-nostdin",
                    "-loglevel", "info", "-listen", "1", "-i", "rtmp://127.0.0.1:" + port + "/live/" + key, "-f", "null", "-"))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("LD_LIBRARY_PATH", ffmpeg.getParent().toString());
            RtmpReceiver receiver = new RtmpReceiver(builder.start(), port);
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                    .until(() -> !receiver.process.isAlive() || listening(port));
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "rtmp://127.0.0.1:" + port + "/live";
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean listening(int port) throws IOException {
        String hexPort = String.format(Locale.ROOT, ":%04X ", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (Files.exists(file) && Files.readAllLines(file).stream().map(l -> l.trim().split("\\s+"))
                    .filter(f -> f.length > 3).anyMatch(f -> (f[1] + " ").endsWith(hexPort) && f[3].equals("0A"))) {
                return true;
            }
        }
        return false;
    }
}
