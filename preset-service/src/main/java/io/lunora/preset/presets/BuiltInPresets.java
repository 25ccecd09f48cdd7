package io.lunora.preset.presets;

import io.lunora.model.destination.Platforms;
import io.lunora.model.preset.EncodingPreset;
import io.lunora.model.preset.EncodingPreset.AdvancedSettings;
import io.lunora.model.preset.EncodingPreset.AudioSettings;
import io.lunora.model.preset.EncodingPreset.VideoSettings;
import java.util.List;

/**
 * The platform presets of the specification ("Platform-Specific Streaming Presets" and the
 * "Preset Management Interface"). YouTube 4K and LinkedIn Mobile are named there only by
 * resolution, frame rate and bitrate; their other settings are those of their platform's HD
 * preset, the buffer twice the bitrate as in every listed preset.
 */
final class BuiltInPresets {
    static final String YOUTUBE_HD = EncodingPreset.BUILT_IN_PREFIX + "youtube-hd";
    static final String YOUTUBE_4K = EncodingPreset.BUILT_IN_PREFIX + "youtube-4k";
    static final String X_OPTIMIZED = EncodingPreset.BUILT_IN_PREFIX + "x-optimized";
    static final String LINKEDIN_HD = EncodingPreset.BUILT_IN_PREFIX + "linkedin-hd";
    static final String LINKEDIN_MOBILE = EncodingPreset.BUILT_IN_PREFIX + "linkedin-mobile";

    static final List<EncodingPreset> ALL = List.of(
            preset(YOUTUBE_HD, Platforms.YOUTUBE, "YouTube HD",
                    new VideoSettings("1920x1080", 30, 6000, "h264", "high", 2, 2),
                    new AudioSettings("aac", 128, 48000, "stereo"), new AdvancedSettings(60, "cbr", 12000)),
            preset(YOUTUBE_4K, Platforms.YOUTUBE, "YouTube 4K",
                    new VideoSettings("3840x2160", 30, 15000, "h264", "high", 2, 2),
                    new AudioSettings("aac", 128, 48000, "stereo"), new AdvancedSettings(60, "cbr", 30000)),
            preset(X_OPTIMIZED, Platforms.X, "X Optimized",
                    new VideoSettings("1280x720", 30, 2500, "h264", "main", 2, 1),
                    new AudioSettings("aac", 128, 44100, "stereo"), new AdvancedSettings(60, "cbr", 5000)),
            preset(LINKEDIN_HD, Platforms.LINKEDIN, "LinkedIn HD",
                    new VideoSettings("1920x1080", 30, 4000, "h264", "high", 2, 2),
                    new AudioSettings("aac", 128, 48000, "stereo"), new AdvancedSettings(60, "cbr", 8000)),
            preset(LINKEDIN_MOBILE, Platforms.LINKEDIN, "LinkedIn Mobile",
                    new VideoSettings("1280x720", 30, 2000, "h264", "high", 2, 2),
                    new AudioSettings("aac", 128, 48000, "stereo"), new AdvancedSettings(60, "cbr", 4000)));

    private BuiltInPresets() {
    }

    static boolean isBuiltIn(String presetId) {
        return presetId.startsWith(EncodingPreset.BUILT_IN_PREFIX);
    }

    private static EncodingPreset preset(String id, String platform, String name, VideoSettings video,
            AudioSettings audio, AdvancedSettings advanced) {
        return new EncodingPreset(id, platform, name, true, false, video, audio, advanced, null, null, null);
    }
}
