package io.lunora.engine.testing;

import io.lunora.engine.ffmpeg.Ffmpeg;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A test-pattern source (testsrc2 and a sine tone, H.264 + AAC in MPEG-TS) calling an SRT
 * listener, like an encoder in the field would. Keyframes every half second.
 */
public final class TestSource implements AutoCloseable {
    private final Process process;

    private TestSource(Process process) {
        this.process = process;
    }

    public static TestSource call(int port, String size, int fps, String passphrase) {
        Ffmpeg ffmpeg = Media.ffmpeg();
        String url = "srt://127.0.0.1:" + port + "?mode=caller&latency=120000&transtype=live"
                + (passphrase == null ? "" : "&passphrase=" + passphrase + "&pbkeylen=16");
        List<String> args = new ArrayList<>(List.of("-hide_banner", "-nostdin", "-loglevel", "error", "-re",
                "-f", "lavfi", "-i", "testsrc2=size=" + size + ":rate=" + fps,
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", Integer.toString(Math.max(1, fps / 2)),
                "-b:v", "400k", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "64k",
                // FFmpeg's TS muxer otherwise sends in 0.3 s bursts; field encoders send at frame pace
                "-muxdelay", "0", "-f", "mpegts", url));
        try {
            return new TestSource(ffmpeg.processBuilder(ffmpeg.command(args))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TestSource call(int port) {
        return call(port, "320x180", 25, null);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Dies like a crashed encoder or a pulled cable: no goodbye to the listener. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        kill();
    }
}
