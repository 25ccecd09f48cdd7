package io.lunora.preset.presets;

import io.lunora.model.destination.Platforms;
import java.util.List;
import java.util.Map;

/**
 * What a preset of each platform may hold. {@code custom} is the specification's "Custom RTMP
 * (Flexible)" range; the three platforms narrow it (or widen the bitrate) to their published
 * ingest limits. Every platform stays inside the product's 720p-4K and 24/30/60 fps range.
 */
record PlatformLimits(int minWidth, int maxWidth, int minHeight, int maxHeight, List<Integer> frameRates,
        int minBitrateKbps, int maxBitrateKbps, List<String> codecs, List<String> profiles,
        int minKeyframeSeconds, int maxKeyframeSeconds, List<String> audioCodecs, int minAudioKbps,
        int maxAudioKbps, List<Integer> sampleRates, List<String> channels, List<String> rateControls) {

    static final List<Integer> FRAME_RATES = List.of(24, 30, 60);
    static final List<String> PROFILES = List.of("baseline", "main", "high");
    static final List<Integer> SAMPLE_RATES = List.of(44100, 48000);
    static final List<String> CHANNELS = List.of("mono", "stereo");
    static final List<String> RATE_CONTROLS = List.of("cbr", "vbr");

    /** Specification, "Custom RTMP (Flexible)". */
    static final PlatformLimits CUSTOM = new PlatformLimits(1280, 3840, 720, 2160, FRAME_RATES, 1000, 10000,
            List.of("h264", "h265"), PROFILES, 1, 4, List.of("aac", "mp3"), 64, 320, SAMPLE_RATES, CHANNELS,
            RATE_CONTROLS);

    /**
     * YouTube Help, "Choose live encoder settings, bitrates and resolutions": up to 2160p60, video
     * bitrate up to 51 Mbps (2160p60; 2160p30 13-34 Mbps), H.264 or HEVC, keyframe frequency 2 s
     * recommended and at most 4 s, audio AAC or MP3, 44.1 or 48 kHz.
     */
    static final PlatformLimits YOUTUBE = new PlatformLimits(1280, 3840, 720, 2160, FRAME_RATES, 1000, 51000,
            List.of("h264", "h265"), PROFILES, 1, 4, List.of("aac", "mp3"), 64, 320, SAMPLE_RATES, CHANNELS,
            RATE_CONTROLS);

    /**
     * X Media Studio Producer, "recommended encoder settings": H.264 only, at most 1920x1080 and
     * 60 fps, video bitrate at most 9 Mbps, keyframe interval at most 3 s, audio AAC.
     */
    static final PlatformLimits X = new PlatformLimits(1280, 1920, 720, 1080, FRAME_RATES, 1000, 9000,
            List.of("h264"), PROFILES, 1, 3, List.of("aac"), 64, 320, SAMPLE_RATES, CHANNELS, RATE_CONTROLS);

    /**
     * LinkedIn Live, "streaming requirements": H.264, at most 1920x1080 and 30 fps, video bitrate at
     * most 6 Mbps, a keyframe every 2 s (60 frames at 30 fps) at the longest, audio AAC at 48 kHz.
     */
    static final PlatformLimits LINKEDIN = new PlatformLimits(1280, 1920, 720, 1080, List.of(24, 30), 1000, 6000,
            List.of("h264"), PROFILES, 1, 2, List.of("aac"), 64, 320, List.of(48000), CHANNELS, RATE_CONTROLS);

    static final Map<String, PlatformLimits> BY_PLATFORM = Map.of(Platforms.YOUTUBE, YOUTUBE, Platforms.X, X,
            Platforms.LINKEDIN, LINKEDIN, Platforms.CUSTOM, CUSTOM);

    static PlatformLimits of(String platform) {
        return BY_PLATFORM.get(platform);
    }
}
