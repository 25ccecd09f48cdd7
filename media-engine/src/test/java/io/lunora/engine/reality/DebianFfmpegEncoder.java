package io.lunora.engine.reality;

import java.nio.file.Path;
import java.util.List;

/**
 * The primary peer: Debian's own FFmpeg ({@code /usr/bin/ffmpeg}, 5.1 on bookworm, not the
 * project's bundled build) as a user runs it: {@code -re} testsrc2 and a sine tone, libx264
 * "veryfast" without zerolatency (lookahead and B-frames), AAC, and the MPEG-TS muxer with its
 * DEFAULT settings (no {@code -muxdelay 0}: it sends in bursts of up to 0.7 s), calling the
 * engine's SRT listener and calling again while refused. Its picture's top-left corner is
 * testsrc2's red-magenta (see {@link Picture}).
 */
public final class DebianFfmpegEncoder implements AutoCloseable {
    static final String BINARY = "/usr/bin/ffmpeg";
    private final RedialingProcess process;

    private DebianFfmpegEncoder(RedialingProcess process) {
        this.process = process;
    }

    public static DebianFfmpegEncoder call(int port, String size, int fps, Path log) {
        return new DebianFfmpegEncoder(new RedialingProcess("debian-ffmpeg", command(size, fps, "mpegts",
                "srt://" + RedialingProcess.engineHost() + ":" + port + "?mode=caller&latency=120000&transtype=live"), log));
    }

    /** The same encoder publishing straight to an RTMP server: the harness's reference recording, no engine between. */
    public static DebianFfmpegEncoder publish(String rtmpUrl, String size, int fps, Path log) {
        return new DebianFfmpegEncoder(new RedialingProcess("debian-ffmpeg-rtmp", command(size, fps, "flv", rtmpUrl), log));
    }

    private static List<String> command(String size, int fps, String format, String url) {
        return List.of(BINARY, "-hide_banner", "-nostdin", "-nostats", "-loglevel", "warning", "-re",
                "-f", "lavfi", "-i", "testsrc2=size=" + size + ":rate=" + fps,
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                "-c:v", "libx264", "-preset", "veryfast", "-g", Integer.toString(fps * 2), "-b:v", "1500k",
                "-maxrate", "1500k", "-bufsize", "3000k", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-b:a", "128k", "-ac", "2", "-f", format, url);
    }

    /** kill -9. */
    public void kill() {
        process.kill();
    }

    @Override
    public void close() {
        process.close();
    }
}
