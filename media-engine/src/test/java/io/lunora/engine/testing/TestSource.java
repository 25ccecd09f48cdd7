package io.lunora.engine.testing;

import io.lunora.engine.ffmpeg.Ffmpeg;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A test-pattern source (testsrc2 and a sine tone, H.264 + AAC in MPEG-TS) calling an SRT
 * listener, like an encoder in the field would: keyframes every half second, and it calls again
 * (every 200 ms) while the listener is not there, until it is killed.
 */
public final class TestSource implements AutoCloseable {
    private final ProcessBuilder builder;
    private final Thread caller;
    private volatile Process process;
    private volatile boolean killed;

    private TestSource(ProcessBuilder builder) {
        this.builder = builder;
        this.process = start();
        this.caller = Thread.ofVirtual().name("test-source").start(this::callAgain);
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
        return new TestSource(ffmpeg.processBuilder(ffmpeg.command(args))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD));
    }

    public static TestSource call(int port) {
        return call(port, "320x180", 25, null);
    }

    private Process start() {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void callAgain() {
        try {
            while (!killed) {
                process.waitFor();
                Thread.sleep(200);
                synchronized (this) {
                    if (!killed) {
                        process = start();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Dies like a crashed encoder or a pulled cable: no goodbye to the listener, and no call again. */
    public void kill() {
        synchronized (this) {
            killed = true;
        }
        caller.interrupt();
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
