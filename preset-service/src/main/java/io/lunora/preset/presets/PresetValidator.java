package io.lunora.preset.presets;

import io.lunora.model.destination.Platforms;
import io.lunora.model.preset.EncodingPreset.AdvancedSettings;
import io.lunora.model.preset.EncodingPreset.AudioSettings;
import io.lunora.model.preset.EncodingPreset.VideoSettings;
import io.lunora.support.problem.FieldErrors;
import io.lunora.model.validation.FreeTexts;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks a preset against its platform's limits and fills in the derived advanced settings. */
final class PresetValidator {
    static final int MAX_NAME = 100;
    private static final Pattern RESOLUTION = Pattern.compile("(\\d{3,4})x(\\d{3,4})");

    private PresetValidator() {
    }

    /** Adds every problem of {@code request} to {@code errors} under {@code prefix}; returns the completed request. */
    static PresetRequest check(PresetRequest request, String prefix, FieldErrors errors) {
        if (request == null) {
            errors.add(prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1), "is required");
            return null;
        }
        checkName(request.name(), prefix + "name", errors);
        errors.oneOf(prefix + "platform", request.platform(), Platforms.ALL);
        PlatformLimits limits = PlatformLimits.of(request.platform() == null ? Platforms.CUSTOM : request.platform());
        if (limits == null) {
            limits = PlatformLimits.CUSTOM;
        }
        String on = " for " + (request.platform() == null ? "custom" : request.platform());
        VideoSettings video = request.video();
        if (video == null) {
            errors.add(prefix + "video", "is required");
        } else {
            checkVideo(video, limits, prefix + "video.", on, errors);
        }
        AudioSettings audio = request.audio();
        if (audio == null) {
            errors.add(prefix + "audio", "is required");
        } else {
            errors.oneOf(prefix + "audio.codec", audio.codec(), limits.audioCodecs());
            errors.between(prefix + "audio.bitrate_kbps", audio.bitrateKbps(), limits.minAudioKbps(),
                    limits.maxAudioKbps(), " kbps");
            errors.oneOf(prefix + "audio.sample_rate_hz", audio.sampleRateHz(), limits.sampleRates());
            errors.oneOf(prefix + "audio.channels", audio.channels(), limits.channels());
        }
        AdvancedSettings advanced = video == null ? request.advanced()
                : checkAdvanced(request.advanced(), video, limits, prefix + "advanced.", errors);
        return new PresetRequest(request.name() == null ? null : FreeTexts.normalized(request.name().strip()), request.platform(),
                request.passthrough(), video, audio, advanced, request.version());
    }

    private static void checkName(String name, String field, FieldErrors errors) {
        if (name == null || name.isBlank()) {
            errors.add(field, "is required");
        } else {
            FreeTexts.problem(FreeTexts.normalized(name.strip()), MAX_NAME, false)
                    .ifPresent(problem -> errors.add(field, problem));
        }
    }

    private static void checkVideo(VideoSettings v, PlatformLimits limits, String p, String on, FieldErrors errors) {
        Matcher m = v.resolution() == null ? null : RESOLUTION.matcher(v.resolution());
        if (m == null) {
            errors.add(p + "resolution", "is required");
        } else if (!m.matches()) {
            errors.add(p + "resolution", "must be WIDTHxHEIGHT, e.g. 1920x1080");
        } else {
            int width = Integer.parseInt(m.group(1));
            int height = Integer.parseInt(m.group(2));
            if (width < limits.minWidth() || width > limits.maxWidth() || height < limits.minHeight()
                    || height > limits.maxHeight()) {
                errors.add(p + "resolution", "must be between " + limits.minWidth() + "x" + limits.minHeight()
                        + " and " + limits.maxWidth() + "x" + limits.maxHeight() + on);
            } else if (width % 2 != 0 || height % 2 != 0) {
                errors.add(p + "resolution", "width and height must be even");
            }
        }
        errors.oneOf(p + "frame_rate", v.frameRate(), limits.frameRates());
        errors.between(p + "bitrate_kbps", v.bitrateKbps(), limits.minBitrateKbps(), limits.maxBitrateKbps(),
                " kbps" + on);
        errors.oneOf(p + "codec", v.codec(), limits.codecs());
        errors.oneOf(p + "profile", v.profile(), limits.profiles());
        if ("h265".equals(v.codec()) && v.profile() != null && !"main".equals(v.profile())) {
            errors.add(p + "profile", "must be main for h265 (baseline and high are H.264 profiles)");
        }
        errors.between(p + "keyframe_interval_seconds", v.keyframeIntervalSeconds(), limits.minKeyframeSeconds(),
                limits.maxKeyframeSeconds(), " s" + on);
        if (v.bFrames() == null) {
            errors.add(p + "b_frames", "is required");
        } else if (v.bFrames() < 0 || v.bFrames() > 4) {
            errors.add(p + "b_frames", "must be between 0 and 4");
        } else if ("baseline".equals(v.profile()) && v.bFrames() > 0) {
            errors.add(p + "b_frames", "must be 0 with the baseline profile");
        }
    }

    /** GOP defaults to frame rate x keyframe interval, rate control to CBR, buffer to twice the bitrate. */
    private static AdvancedSettings checkAdvanced(AdvancedSettings a, VideoSettings v, PlatformLimits limits,
            String p, FieldErrors errors) {
        if (v.frameRate() == null || v.keyframeIntervalSeconds() == null || v.bitrateKbps() == null) {
            return a; // already reported
        }
        int maxGop = v.frameRate() * v.keyframeIntervalSeconds();
        Integer gop = a == null || a.gopSizeFrames() == null ? maxGop : a.gopSizeFrames();
        String rateControl = a == null || a.rateControl() == null ? "cbr" : a.rateControl();
        Integer buffer = a == null || a.bufferSizeKbps() == null ? 2 * v.bitrateKbps() : a.bufferSizeKbps();
        errors.between(p + "gop_size_frames", gop, 1, maxGop, " frames (frame rate x keyframe interval)");
        errors.oneOf(p + "rate_control", rateControl, limits.rateControls());
        errors.between(p + "buffer_size_kbps", buffer, v.bitrateKbps() / 2, v.bitrateKbps() * 4,
                " kbps (half to four times the video bitrate)");
        return new AdvancedSettings(gop, rateControl, buffer);
    }
}
