package io.lunora.model.preset;

/**
 * A preset's encoding settings as other services read them: the streaming control service hands
 * them to the media engine, which builds one rendition encoder per distinct preset. On the wire
 * the members are snake_case ({@code preset_id}, {@code bitrate_kbps}, ...), like every Lunora API.
 *
 * @param presetId the preset's id; built-in presets start with {@code builtin-}
 * @param platform {@code youtube}, {@code x}, {@code linkedin} or {@code custom}
 * @param builtIn  seeded by the platform: read-only, visible to every organization, cloneable
 * @param passthrough copy the source's video and audio as they are when the source already fits
 *                 {@code video} and {@code audio} (same codec, resolution and frame rate); these
 *                 still declare the expected source. When it does not fit, the media engine
 *                 encodes with them instead. Absent or null means {@code false} (boxed so that
 *                 JSON written before it existed still reads).
 * @param version  optimistic-locking version; a write with an older one is refused (409)
 */
public record EncodingPreset(String presetId, String platform, String name, boolean builtIn,
        Boolean passthrough, VideoSettings video, AudioSettings audio, AdvancedSettings advanced, Long version,
        String createdAt, String updatedAt) {

    public static final String BUILT_IN_PREFIX = "builtin-";

    public EncodingPreset {
        passthrough = Boolean.TRUE.equals(passthrough);
    }

    /**
     * @param resolution {@code WIDTHxHEIGHT}, e.g. {@code 1920x1080}
     * @param codec      {@code h264} or {@code h265}
     * @param profile    {@code baseline}, {@code main} or {@code high}
     */
    public record VideoSettings(String resolution, Integer frameRate, Integer bitrateKbps, String codec,
            String profile, Integer keyframeIntervalSeconds, Integer bFrames) {

        public int width() {
            return Integer.parseInt(resolution.substring(0, resolution.indexOf('x')));
        }

        public int height() {
            return Integer.parseInt(resolution.substring(resolution.indexOf('x') + 1));
        }
    }

    /**
     * @param codec    {@code aac} or {@code mp3}
     * @param channels {@code mono} or {@code stereo}
     */
    public record AudioSettings(String codec, Integer bitrateKbps, Integer sampleRateHz, String channels) {
    }

    /**
     * @param gopSizeFrames  frames between keyframes (frame rate x keyframe interval unless set)
     * @param rateControl    {@code cbr} or {@code vbr}
     * @param bufferSizeKbps VBV buffer; twice the video bitrate unless set (as the built-ins have it)
     */
    public record AdvancedSettings(Integer gopSizeFrames, String rateControl, Integer bufferSizeKbps) {
    }
}
