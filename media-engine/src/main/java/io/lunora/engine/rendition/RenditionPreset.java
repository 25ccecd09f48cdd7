package io.lunora.engine.rendition;

import java.util.ArrayList;
import java.util.List;

/**
 * What one rendition encoder produces. Two destinations with equal presets share one encoder,
 * so this is a value (record equality is the sharing key).
 *
 * @param passthrough copy the program's video and audio as they are; the other fields declare the
 *                    source this expects (see {@link #fits}) and are the settings to encode with
 *                    when the source does not fit ({@link #encoded})
 * @param codec       {@code h264} or {@code h265}
 * @param profile     {@code baseline}, {@code main} or {@code high}
 * @param rateControl {@code cbr} or {@code vbr}
 * @param gopFrames   frames from one keyframe to the next
 * @param channels    1 or 2
 */
public record RenditionPreset(boolean passthrough, int width, int height, int fps, int videoBitrateKbps,
        String rateControl, int bufferKbps, String codec, String profile, int gopFrames, int bFrames,
        String audioCodec, int audioBitrateKbps, int sampleRateHz, int channels) {

    /** A readable, stable name for logs and metrics, e.g. {@code h264-640x360p25-800k} or {@code copy-h264-640x360p25}. */
    public String label() {
        return passthrough ? "copy-" + codec + "-" + width + "x" + height + "p" + fps
                : codec + "-" + width + "x" + height + "p" + fps + "-" + videoBitrateKbps + "k";
    }

    /** The same settings, encoded: what a passthrough preset becomes when the source does not fit. */
    public RenditionPreset encoded() {
        return new RenditionPreset(false, width, height, fps, videoBitrateKbps, rateControl, bufferKbps, codec, profile,
                gopFrames, bFrames, audioCodec, audioBitrateKbps, sampleRateHz, channels);
    }

    /**
     * Whether a copy of {@code source} is what this preset asks for: same video codec, resolution
     * and frame rate (within half a frame per second), and, when the source has audio, the same
     * audio codec, sample rate and channels. Bitrate, profile and GOP are the source's own.
     */
    public boolean fits(SourceFormat source) {
        boolean video = ("h265".equals(codec) ? "hevc" : codec).equals(source.videoCodec())
                && source.width() == width && source.height() == height && Math.abs(source.fps() - fps) <= 0.5;
        boolean audio = source.audioCodec() == null || (audioCodec.equals(source.audioCodec())
                && source.sampleRateHz() == sampleRateHz && source.channels() == channels);
        return video && audio;
    }

    /** x264's presets from the usual one to the least work, for an encoder that cannot keep real time. */
    static final List<String> X264_SPEEDS = List.of("veryfast", "superfast", "ultrafast");

    /** How many steps faster than the usual this preset can be encoded (0: a copy or x265, already ultrafast). */
    int fastestStep() {
        return passthrough || "h265".equals(codec) ? 0 : X264_SPEEDS.size() - 1;
    }

    /** The x264 preset of a speed step ({@code veryfast} at 0), or null when the step changes nothing. */
    String speedName(int step) {
        return fastestStep() == 0 ? null : X264_SPEEDS.get(step);
    }

    /** The output options of the encoder for this preset (after the input, before the muxer). */
    List<String> encoderOptions() {
        return encoderOptions(0);
    }

    /**
     * The output options at a speed step (see {@link #X264_SPEEDS}). {@code zerolatency} keeps the
     * encoder from holding frames (no lookahead, slice threads; the preset's B-frames are kept); a
     * copy or an x265 encode ignores the step. Constant frame rate stays, although it fills a
     * skipped gap with copies the slow encoder must encode too: {@code vfr} (no copies) lagged less
     * under saturation but cannot lower a source's frame rate to the preset's in FFmpeg 8 (no
     * {@code -r} with {@code vfr}) and stretched keyframe intervals (see docs/benchmarks.md).
     */
    List<String> encoderOptions(int step) {
        if (passthrough) {
            return List.of("-map", "0:v:0", "-map", "0:a:0?", "-c", "copy");
        }
        List<String> o = new ArrayList<>(List.of("-map", "0:v:0", "-map", "0:a:0?",
                "-vf", "scale=" + width + ":" + height + ":force_original_aspect_ratio=decrease,pad=" + width + ":" + height
                        + ":(ow-iw)/2:(oh-ih)/2,setsar=1",
                "-fps_mode", "cfr", "-r", Integer.toString(fps), "-pix_fmt", "yuv420p",
                "-b:v", videoBitrateKbps + "k", "-maxrate", videoBitrateKbps + "k", "-bufsize", bufferKbps + "k",
                "-g", Integer.toString(gopFrames), "-keyint_min", Integer.toString(gopFrames), "-sc_threshold", "0",
                "-bf", Integer.toString(bFrames)));
        if ("h265".equals(codec)) {
            o.addAll(List.of("-c:v", "libx265", "-preset", "ultrafast", "-tag:v", "hvc1", "-profile:v", "main",
                    "-x265-params", "log-level=error:keyint=" + gopFrames + ":min-keyint=" + gopFrames
                            + ":scenecut=0:bframes=" + bFrames + ("cbr".equals(rateControl) ? ":strict-cbr=1" : "")));
        } else {
            o.addAll(List.of("-c:v", "libx264", "-preset", X264_SPEEDS.get(step), "-tune", "zerolatency", "-profile:v", profile,
                    "-x264-params", "scenecut=0" + ("cbr".equals(rateControl) ? ":nal-hrd=cbr:force-cfr=1" : "")));
        }
        o.addAll(List.of("-c:a", "mp3".equals(audioCodec) ? "libmp3lame" : "aac", "-b:a", audioBitrateKbps + "k",
                "-ar", Integer.toString(sampleRateHz), "-ac", Integer.toString(channels)));
        return o;
    }
}
