package io.lunora.preset.presets;

import io.lunora.model.destination.Platforms;
import java.util.List;
import java.util.Map;

/**
 * What a preset of each platform may hold: the one place of these rules, read by the validator
 * and by the tests of the built-in presets. {@code custom} is the specification's "Custom RTMP
 * (Flexible)" range; the three platforms narrow it (or widen the bitrate) to their published
 * ingest limits. Every platform stays inside the product's 360p-4K and 24/30/60 fps range.
 *
 * <p>The floor is 640x360 at {@value #MIN_BITRATE_KBPS} kbps: YouTube's published ingest table
 * names 360p (640x360) with a 400 kbps minimum and 480p (854x480) with 500 kbps, X and LinkedIn
 * publish recommended settings (720p) and maximums but no floor, and the specification's own
 * "Low Bandwidth" preset is 480p30 at 1 Mbps. Lower than 360p no platform is worth streaming to.
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
    static final int MIN_WIDTH = 640;
    static final int MIN_HEIGHT = 360;
    /** YouTube's minimum for 360p ingest. */
    static final int MIN_BITRATE_KBPS = 400;

    /** Specification, "Custom RTMP (Flexible)", down to 360p as its "Low Bandwidth" example goes below 720p. */
    static final PlatformLimits CUSTOM = new PlatformLimits(MIN_WIDTH, 3840, MIN_HEIGHT, 2160, FRAME_RATES,
            MIN_BITRATE_KBPS, 10000,
            List.of("h264", "h265"), PROFILES, 1, 4, List.of("aac", "mp3"), 64, 320, SAMPLE_RATES, CHANNELS,
            RATE_CONTROLS);

    /**
     * YouTube Help, "Choose live encoder settings, bitrates and resolutions": 240p up to 2160p60,
     * video bitrate up to 51 Mbps (2160p60; 2160p30 13-34 Mbps), 360p from 400 kbps, H.264 or HEVC,
     * keyframe frequency 2 s recommended and at most 4 s, audio AAC or MP3, 44.1 or 48 kHz.
     */
    static final PlatformLimits YOUTUBE = new PlatformLimits(MIN_WIDTH, 3840, MIN_HEIGHT, 2160, FRAME_RATES,
            MIN_BITRATE_KBPS, 51000,
            List.of("h264", "h265"), PROFILES, 1, 4, List.of("aac", "mp3"), 64, 320, SAMPLE_RATES, CHANNELS,
            RATE_CONTROLS);

    /**
     * X Media Studio Producer, "recommended encoder settings": H.264 only, at most 1920x1080 and
     * 60 fps, video bitrate at most 9 Mbps, keyframe interval at most 3 s, audio AAC (720p
     * recommended; lower resolutions are played as sent).
     */
    static final PlatformLimits X = new PlatformLimits(MIN_WIDTH, 1920, MIN_HEIGHT, 1080, FRAME_RATES,
            MIN_BITRATE_KBPS, 9000,
            List.of("h264"), PROFILES, 1, 3, List.of("aac"), 64, 320, SAMPLE_RATES, CHANNELS, RATE_CONTROLS);

    /**
     * LinkedIn Live, "streaming requirements": H.264, at most 1920x1080 and 30 fps, video bitrate at
     * most 6 Mbps, a keyframe every 2 s (60 frames at 30 fps) at the longest, audio AAC at 48 kHz
     * (720p recommended, as its player goes no higher).
     */
    static final PlatformLimits LINKEDIN = new PlatformLimits(MIN_WIDTH, 1920, MIN_HEIGHT, 1080, List.of(24, 30),
            MIN_BITRATE_KBPS, 6000,
            List.of("h264"), PROFILES, 1, 2, List.of("aac"), 64, 320, List.of(48000), CHANNELS, RATE_CONTROLS);

    static final Map<String, PlatformLimits> BY_PLATFORM = Map.of(Platforms.YOUTUBE, YOUTUBE, Platforms.X, X,
            Platforms.LINKEDIN, LINKEDIN, Platforms.CUSTOM, CUSTOM);

    static PlatformLimits of(String platform) {
        return BY_PLATFORM.get(platform);
    }
}
