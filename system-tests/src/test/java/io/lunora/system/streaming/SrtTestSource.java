package io.lunora.system.streaming;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A field encoder on loopback: a small test pattern with a tone (H.264 + AAC in MPEG-TS) calling
 * one of the engine's SRT listeners. A caller gives up when nobody listens yet, so it is started
 * once the engine has bound the port.
 */
public final class SrtTestSource implements AutoCloseable {
    private final Process process;

    private SrtTestSource(Process process) {
        this.process = process;
    }

    /** SMPTE bars: a picture told apart from {@link #call}'s test pattern by its corner at the receivers. */
    public static final String BARS = "smptebars=size=320x180:rate=24";
    static final String PATTERN = "testsrc2=size=320x180:rate=24";

    public static SrtTestSource call(int port, Path log) {
        return call(port, log, PATTERN);
    }

    public static SrtTestSource call(int port, Path log, String picture) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> MediaTools.listening(port, true));
        String url = "srt://127.0.0.1:" + port + "?mode=caller&latency=120000&transtype=live";
        return new SrtTestSource(MediaTools.start(MediaTools.ffmpeg().command(List.of("-hide_banner", "-nostdin",
                "-loglevel", "warning", "-re",
                "-f", "lavfi", "-i", picture,
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "12", "-b:v", "300k",
                "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "64k",
                // frame-paced like a field encoder, not in 0.3 s bursts
                "-muxdelay", "0", "-f", "mpegts", url)), log));
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Dies like a crashed encoder: no goodbye to the listener. */
    public void kill() {
        MediaTools.end(process, true);
    }

    @Override
    public void close() {
        kill();
    }
}
