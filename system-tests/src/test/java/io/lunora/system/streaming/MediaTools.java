package io.lunora.system.streaming;

import io.lunora.engine.ffmpeg.Ffmpeg;
import io.lunora.engine.ffmpeg.FfmpegLocator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.nio.file.Files;
import java.nio.file.Path;

/** The engine's bundled FFmpeg for the test's own sources, receivers and probes; located once. */
public final class MediaTools {
    private static Ffmpeg ffmpeg;

    private MediaTools() {
    }

    public static synchronized Ffmpeg ffmpeg() {
        if (ffmpeg == null) {
            ffmpeg = FfmpegLocator.locate(null);
        }
        return ffmpeg;
    }

    static Process start(List<String> command, Path log) {
        try {
            return ffmpeg().processBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when something listens on the loopback port: TCP in LISTEN state, or any bound UDP socket. */
    public static boolean listening(int port, boolean udp) {
        String hexPort = String.format(Locale.ROOT, ":%04X ", port);
        List<String> tables = udp ? List.of("/proc/net/udp", "/proc/net/udp6") : List.of("/proc/net/tcp", "/proc/net/tcp6");
        try {
            for (String table : tables) {
                Path file = Path.of(table);
                if (Files.exists(file) && Files.readAllLines(file).stream().map(l -> l.trim().split("\\s+"))
                        .filter(f -> f.length > 3)
                        .anyMatch(f -> (f[1] + " ").endsWith(hexPort) && (udp || f[3].equals("0A")))) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void end(Process process, boolean kill) {
        if (kill) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
