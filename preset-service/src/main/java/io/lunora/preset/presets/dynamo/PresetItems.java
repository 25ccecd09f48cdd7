package io.lunora.preset.presets.dynamo;

import io.lunora.model.preset.EncodingPreset;
import io.lunora.model.preset.EncodingPreset.AdvancedSettings;
import io.lunora.model.preset.EncodingPreset.AudioSettings;
import io.lunora.model.preset.EncodingPreset.VideoSettings;
import java.util.LinkedHashMap;
import java.util.Map;

/** Maps presets to table rows and back. */
final class PresetItems {
    private PresetItems() {
    }

    static PresetItem toItem(String scope, EncodingPreset p) {
        PresetItem item = new PresetItem();
        item.setOrganizationId(scope);
        item.setPresetId(p.presetId());
        item.setPlatform(p.platform());
        item.setName(p.name());
        item.setBuiltIn(p.builtIn());
        item.setPassthrough(p.passthrough());
        VideoSettings v = p.video();
        item.setVideoSettings(map("resolution", v.resolution(), "frame_rate", v.frameRate(), "bitrate_kbps",
                v.bitrateKbps(), "codec", v.codec(), "profile", v.profile(), "keyframe_interval_seconds",
                v.keyframeIntervalSeconds(), "b_frames", v.bFrames()));
        AudioSettings a = p.audio();
        item.setAudioSettings(map("codec", a.codec(), "bitrate_kbps", a.bitrateKbps(), "sample_rate_hz",
                a.sampleRateHz(), "channels", a.channels()));
        AdvancedSettings x = p.advanced();
        item.setAdvancedSettings(map("gop_size_frames", x.gopSizeFrames(), "rate_control", x.rateControl(),
                "buffer_size_kbps", x.bufferSizeKbps()));
        item.setVersion(p.version());
        item.setCreatedAt(p.createdAt());
        item.setUpdatedAt(p.updatedAt());
        return item;
    }

    static EncodingPreset toPreset(PresetItem item) {
        Map<String, String> v = item.getVideoSettings();
        Map<String, String> a = item.getAudioSettings();
        Map<String, String> x = item.getAdvancedSettings();
        return new EncodingPreset(item.getPresetId(), item.getPlatform(), item.getName(),
                Boolean.TRUE.equals(item.getBuiltIn()), Boolean.TRUE.equals(item.getPassthrough()),
                new VideoSettings(v.get("resolution"), num(v, "frame_rate"), num(v, "bitrate_kbps"), v.get("codec"),
                        v.get("profile"), num(v, "keyframe_interval_seconds"), num(v, "b_frames")),
                new AudioSettings(a.get("codec"), num(a, "bitrate_kbps"), num(a, "sample_rate_hz"), a.get("channels")),
                new AdvancedSettings(num(x, "gop_size_frames"), x.get("rate_control"), num(x, "buffer_size_kbps")),
                item.getVersion(), item.getCreatedAt(), item.getUpdatedAt());
    }

    private static Map<String, String> map(Object... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], String.valueOf(pairs[i + 1]));
        }
        return map;
    }

    private static Integer num(Map<String, String> map, String key) {
        String value = map.get(key);
        return value == null || "null".equals(value) ? null : Integer.valueOf(value);
    }
}
