package io.lunora.engine.ffmpeg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.Loader;

/**
 * Finds the FFmpeg to run and proves at start-up that it runs and can do what the engine needs:
 * SRT in, RTMP and RTMPS out, libx264. A broken FFmpeg fails start-up with a message that says
 * how to fix it, rather than failing later on the first stream.
 */
public final class FfmpegLocator {
    private static final List<String> PROTOCOLS = List.of("srt", "rtmp", "rtmps");
    private static final List<String> ENCODERS = List.of("libx264", "aac");

    private FfmpegLocator() {
    }

    /** The configured executable when given, else the one shipped in {@code org.bytedeco:ffmpeg}. */
    public static Ffmpeg locate(String configuredPath) {
        Ffmpeg ffmpeg = configuredPath == null ? bundled() : configured(Path.of(configuredPath));
        verify(ffmpeg);
        return ffmpeg;
    }

    private static Ffmpeg bundled() {
        Path executable = Path.of(load(org.bytedeco.ffmpeg.ffmpeg.class));
        Path probe = Path.of(load(org.bytedeco.ffmpeg.ffprobe.class));
        Path libraries = executable.getParent();
        String existing = System.getenv("LD_LIBRARY_PATH");
        String path = existing == null || existing.isBlank() ? libraries.toString() : libraries + ":" + existing;
        return new Ffmpeg(executable, probe, Map.of("LD_LIBRARY_PATH", path));
    }

    private static String load(Class<?> executable) {
        try {
            return Loader.load(executable);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new FfmpegUnavailableException("The FFmpeg shipped with the engine could not be extracted ("
                    + e.getMessage() + "). Set lunora.engine.ffmpeg-path to an FFmpeg 6 or newer.", e);
        }
    }

    private static Ffmpeg configured(Path executable) {
        if (!Files.isExecutable(executable)) {
            throw new FfmpegUnavailableException("lunora.engine.ffmpeg-path " + executable + " is not an executable file.");
        }
        Path probe = executable.resolveSibling(executable.getFileName().toString().replace("ffmpeg", "ffprobe"));
        return new Ffmpeg(executable, probe, Map.of());
    }

    static void verify(Ffmpeg ffmpeg) {
        String protocols = run(ffmpeg, "-protocols");
        String output = protocols.substring(Math.max(0, protocols.indexOf("Output:")));
        String input = protocols.substring(0, Math.max(0, protocols.indexOf("Output:")));
        for (String protocol : PROTOCOLS) {
            if (!hasWord(output, protocol) || "srt".equals(protocol) && !hasWord(input, protocol)) {
                throw new FfmpegUnavailableException("FFmpeg at " + ffmpeg.ffmpeg() + " lacks the " + protocol
                        + " protocol. Use the FFmpeg shipped with the engine or one built with libsrt and OpenSSL.");
            }
        }
        String encoders = run(ffmpeg, "-encoders");
        for (String encoder : ENCODERS) {
            if (!hasWord(encoders, encoder)) {
                throw new FfmpegUnavailableException("FFmpeg at " + ffmpeg.ffmpeg() + " lacks the " + encoder
                        + " encoder. Use the FFmpeg shipped with the engine or a GPL build with libx264.");
            }
        }
    }

    private static boolean hasWord(String text, String word) {
        return java.util.regex.Pattern.compile("(?m)(^|\\s)" + java.util.regex.Pattern.quote(word) + "(\\s|$)")
                .matcher(text).find();
    }

    private static String run(Ffmpeg ffmpeg, String listing) {
        try {
            Process process = ffmpeg.processBuilder(ffmpeg.command(List.of("-hide_banner", listing)))
                    .redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] bytes = process.getInputStream().readAllBytes();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new FfmpegUnavailableException("FFmpeg at " + ffmpeg.ffmpeg() + " did not answer " + listing + ".");
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new FfmpegUnavailableException(explainFailure(ffmpeg, text));
            }
            return text;
        } catch (IOException e) {
            throw new FfmpegUnavailableException("FFmpeg at " + ffmpeg.ffmpeg() + " cannot be started: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while checking FFmpeg", e));
        }
    }

    static String explainFailure(Ffmpeg ffmpeg, String output) {
        if (output.contains("libpulse.so.0")) {
            return "FFmpeg at " + ffmpeg.ffmpeg() + " cannot start: the system library libpulse.so.0 is missing. "
                    + "Install it (Debian/Ubuntu: sudo apt-get install -y libpulse0; Fedora: sudo dnf install pulseaudio-libs).";
        }
        String firstLine = output.lines().filter(l -> !l.isBlank()).findFirst().orElse("no output");
        return "FFmpeg at " + ffmpeg.ffmpeg() + " cannot start: " + firstLine;
    }
}
