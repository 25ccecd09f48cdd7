package io.lunora.system.aws;

import io.lunora.engine.ffmpeg.Ffmpeg;
import io.lunora.system.streaming.MediaTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One SRT output of the channel as MediaLive sends it: an FFmpeg caller pushing an H.264 + AAC
 * MPEG-TS rendition of the output's resolution, encrypted with the output's passphrase, with its
 * stream id. Like MediaLive it calls again (every 200 ms) while nobody listens, until it is stopped.
 * The frame rate is kept low so that three renditions fit on a shared 2-core machine.
 */
final class RenditionSender implements AutoCloseable {
    private final ProcessBuilder builder;
    private final Thread caller;
    private volatile Process process;
    private volatile boolean stopped;

    /** A destination of an SRT output group, with the video description its output uses. */
    record Output(String host, int port, String streamId, String passphrase, int latencyMs, int width, int height) {
        @Override
        public String toString() {
            return "Output[" + host + ":" + port + ", " + streamId + ", " + width + "x" + height + "]";
        }
    }

    private RenditionSender(ProcessBuilder builder) {
        this.builder = builder;
        this.process = start();
        this.caller = Thread.ofVirtual().name("rendition-sender").start(this::callAgain);
    }

    static RenditionSender send(Output output) {
        Ffmpeg ffmpeg = MediaTools.ffmpeg();
        String url = "srt://" + output.host() + ":" + output.port() + "?mode=caller&transtype=live"
                + "&latency=" + output.latencyMs() * 1000 + "&streamid=" + output.streamId()
                + "&passphrase=" + output.passphrase() + "&pbkeylen=32";
        List<String> args = List.of("-hide_banner", "-nostdin", "-loglevel", "error", "-re",
                "-f", "lavfi", "-i", "testsrc2=size=" + output.width() + "x" + output.height() + ":rate=15",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "8", "-b:v", "300k",
                "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "64k",
                // frame-paced as MediaLive sends, not in 0.3 s bursts
                "-muxdelay", "0", "-f", "mpegts", url);
        // the passphrase is on this stand-in's command line only; its output is not kept
        return new RenditionSender(ffmpeg.processBuilder(ffmpeg.command(args))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD));
    }

    long pid() {
        return process.pid();
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
            while (!stopped) {
                process.waitFor();
                Thread.sleep(200);
                synchronized (this) {
                    if (!stopped) {
                        process = start();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends like a stopped channel: the connection goes, no call again. */
    @Override
    public void close() {
        synchronized (this) {
            stopped = true;
        }
        caller.interrupt();
        Process last = process;
        last.destroyForcibly();
        try {
            last.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
