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
 *
 * <p>Below those, every platform has a 480p and a 360p preset (and YouTube a 720p one), so that
 * each quality the operator's wizard offers (1080p, 720p, 480p) maps to a preset of that height on
 * every platform (X tops out at its recommended 720p). Their bitrates are YouTube's recommended
 * ones for the height (480p 1 Mbps as the specification's "Low Bandwidth" preset, 360p 750 kbps).
 */
final class BuiltInPresets {
    static final String YOUTUBE_HD = EncodingPreset.BUILT_IN_PREFIX + "youtube-hd";
    static final String YOUTUBE_4K = EncodingPreset.BUILT_IN_PREFIX + "youtube-4k";
    static final String X_OPTIMIZED = EncodingPreset.BUILT_IN_PREFIX + "x-optimized";
    static final String LINKEDIN_HD = EncodingPreset.BUILT_IN_PREFIX + "linkedin-hd";
    static final String LINKEDIN_MOBILE = EncodingPreset.BUILT_IN_PREFIX + "linkedin-mobile";
    static final String YOUTUBE_720P = EncodingPreset.BUILT_IN_PREFIX + "youtube-720p";
    static final String YOUTUBE_480P = EncodingPreset.BUILT_IN_PREFIX + "youtube-480p";
    static final String YOUTUBE_360P = EncodingPreset.BUILT_IN_PREFIX + "youtube-360p";
    static final String X_480P = EncodingPreset.BUILT_IN_PREFIX + "x-480p";
    static final String X_360P = EncodingPreset.BUILT_IN_PREFIX + "x-360p";
    static final String LINKEDIN_480P = EncodingPreset.BUILT_IN_PREFIX + "linkedin-480p";
    static final String LINKEDIN_360P = EncodingPreset.BUILT_IN_PREFIX + "linkedin-360p";

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
                    new AudioSettings("aac", 128, 48000, "stereo"), new AdvancedSettings(60, "cbr", 4000)),
            preset(YOUTUBE_720P, Platforms.YOUTUBE, "YouTube 720p",
                    new VideoSettings("1280x720", 30, 4000, "h264", "high", 2, 2),
                    new AudioSettings("aac", 128, 48000, "stereo"), new AdvancedSettings(60, "cbr", 8000)),
            preset(YOUTUBE_480P, Platforms.YOUTUBE, "YouTube SD",
                    new VideoSettings("854x480", 30, 1000, "h264", "main", 2, 2),
                    new AudioSettings("aac", 128, 48000, "stereo"), new AdvancedSettings(60, "cbr", 2000)),
            preset(YOUTUBE_360P, Platforms.YOUTUBE, "YouTube Low",
                    new VideoSettings("640x360", 30, 750, "h264", "main", 2, 2),
                    new AudioSettings("aac", 96, 48000, "stereo"), new AdvancedSettings(60, "cbr", 1500)),
            preset(X_480P, Platforms.X, "X SD",
                    new VideoSettings("854x480", 30, 1000, "h264", "main", 2, 1),
                    new AudioSettings("aac", 128, 44100, "stereo"), new AdvancedSettings(60, "cbr", 2000)),
            preset(X_360P, Platforms.X, "X Low",
                    new VideoSettings("640x360", 30, 750, "h264", "main", 2, 1),
                    new AudioSettings("aac", 96, 44100, "stereo"), new AdvancedSettings(60, "cbr", 1500)),
            preset(LINKEDIN_480P, Platforms.LINKEDIN, "LinkedIn SD",
                    new VideoSettings("854x480", 30, 1000, "h264", "main", 2, 2),
                    new AudioSettings("aac", 128, 48000, "stereo"), new AdvancedSettings(60, "cbr", 2000)),
            preset(LINKEDIN_360P, Platforms.LINKEDIN, "LinkedIn Low",
                    new VideoSettings("640x360", 30, 750, "h264", "main", 2, 2),
                    new AudioSettings("aac", 96, 48000, "stereo"), new AdvancedSettings(60, "cbr", 1500)));

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
