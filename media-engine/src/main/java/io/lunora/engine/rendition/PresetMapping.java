package io.lunora.engine.rendition;

import io.lunora.model.preset.EncodingPreset;
import io.lunora.support.problem.InvalidFieldException;
import java.util.Set;

/**
 * A preset as the preset service stores it, turned into what one rendition encoder produces.
 * The defaults are the preset service's: GOP = frame rate x keyframe interval, buffer = twice the
 * bitrate, CBR. Every value is checked here, since the engine builds an FFmpeg command from it.
 * A passthrough preset keeps its declared settings: the source must fit them to be copied, and
 * they are what the engine encodes with when it does not.
 */
public final class PresetMapping {
    private static final Set<String> PROFILES = Set.of("baseline", "main", "high");

    private PresetMapping() {
    }

    public static RenditionPreset toRendition(EncodingPreset preset) {
        if (preset == null) {
            throw new InvalidFieldException("preset", "must not be null");
        }
        EncodingPreset.VideoSettings video = require(preset.video(), "preset.video");
        EncodingPreset.AudioSettings audio = require(preset.audio(), "preset.audio");
        EncodingPreset.AdvancedSettings advanced = preset.advanced() == null
                ? new EncodingPreset.AdvancedSettings(null, null, null) : preset.advanced();

        String resolution = require(video.resolution(), "preset.video.resolution");
        if (!resolution.matches("\\d{2,4}x\\d{2,4}")) {
            throw new InvalidFieldException("preset.video.resolution", "must be WIDTHxHEIGHT");
        }
        int width = video.width();
        int height = video.height();
        if (width % 2 != 0 || height % 2 != 0 || width < 64 || height < 64 || width > 3840 || height > 2160) {
            throw new InvalidFieldException("preset.video.resolution", "must be even and between 64x64 and 3840x2160");
        }
        int fps = range(video.frameRate(), 1, 60, "preset.video.frame_rate");
        int bitrate = range(video.bitrateKbps(), 100, 50_000, "preset.video.bitrate_kbps");
        String codec = oneOf(video.codec(), Set.of("h264", "h265"), "preset.video.codec");
        String profile = oneOf(video.profile() == null ? "main" : video.profile(), PROFILES, "preset.video.profile");
        if ("h265".equals(codec)) {
            profile = "main";
        }
        int keyframeSeconds = range(video.keyframeIntervalSeconds() == null ? 2 : video.keyframeIntervalSeconds(), 1, 10,
                "preset.video.keyframe_interval_seconds");
        int bFrames = range(video.bFrames() == null ? 0 : video.bFrames(), 0, 4, "preset.video.b_frames");
        if ("baseline".equals(profile)) {
            bFrames = 0;
        }
        int gop = advanced.gopSizeFrames() == null ? fps * keyframeSeconds
                : range(advanced.gopSizeFrames(), 1, 600, "preset.advanced.gop_size_frames");
        String rateControl = oneOf(advanced.rateControl() == null ? "cbr" : advanced.rateControl(),
                Set.of("cbr", "vbr"), "preset.advanced.rate_control");
        int buffer = advanced.bufferSizeKbps() == null ? 2 * bitrate
                : range(advanced.bufferSizeKbps(), 100, 100_000, "preset.advanced.buffer_size_kbps");

        String audioCodec = oneOf(audio.codec() == null ? "aac" : audio.codec(), Set.of("aac", "mp3"), "preset.audio.codec");
        int audioBitrate = range(audio.bitrateKbps() == null ? 128 : audio.bitrateKbps(), 32, 512, "preset.audio.bitrate_kbps");
        int sampleRate = audio.sampleRateHz() == null ? 48_000 : audio.sampleRateHz();
        if (sampleRate != 44_100 && sampleRate != 48_000) {
            throw new InvalidFieldException("preset.audio.sample_rate_hz", "must be 44100 or 48000");
        }
        String channels = oneOf(audio.channels() == null ? "stereo" : audio.channels(), Set.of("mono", "stereo"),
                "preset.audio.channels");
        return new RenditionPreset(preset.passthrough(), width, height, fps, bitrate, rateControl, buffer, codec, profile, gop, bFrames,
                audioCodec, audioBitrate, sampleRate, "mono".equals(channels) ? 1 : 2);
    }

    private static <T> T require(T value, String field) {
        if (value == null) {
            throw new InvalidFieldException(field, "must not be null");
        }
        return value;
    }

    private static int range(Integer value, int min, int max, String field) {
        if (value == null || value < min || value > max) {
            throw new InvalidFieldException(field, "must be between " + min + " and " + max);
        }
        return value;
    }

    private static String oneOf(String value, Set<String> allowed, String field) {
        if (value == null || !allowed.contains(value)) {
            throw new InvalidFieldException(field, "must be one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
        }
        return value;
    }
}
