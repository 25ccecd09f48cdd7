package io.lunora.engine.testing;

/** Request bodies of the engine's internal API, snake_case as the control services send them. */
public final class ChannelBodies {
    private ChannelBodies() {
    }

    public static String channel(String org, String session, String mode, int primaryPort, Integer secondaryPort,
            boolean recording) {
        return channel(org, session, mode, primaryPort, secondaryPort, null, recording);
    }

    /** A channel whose secondary input (if any) is encrypted with {@code passphrase} (null: not encrypted). */
    public static String channel(String org, String session, String mode, int primaryPort, Integer secondaryPort,
            String passphrase, boolean recording) {
        return """
                {"organization_id":"%s","session_id":"%s","recording":%s,
                 "inputs":{"mode":"%s","failover_threshold":2,"failback":"stay","failback_after":0,
                   "primary":{"name":"Main encoder","mode":"listener","host":"127.0.0.1","port":%d,"latency_ms":120},
                   "secondary":%s}}
                """.formatted(org, session, recording, mode, primaryPort, secondaryPort == null ? "null"
                : "{\"name\":\"Backup encoder\",\"mode\":\"listener\",\"host\":\"127.0.0.1\",\"port\":" + secondaryPort
                        + ",\"latency_ms\":120" + (passphrase == null ? "" : ",\"passphrase\":\"" + passphrase
                                + "\",\"pbkeylen\":16") + "}");
    }

    public static String preset(String id, String resolution, int fps, int kbps, String profile, int keyframeSeconds,
            int bFrames) {
        return """
                {"preset_id":"%s","platform":"custom","name":"%s","built_in":false,
                 "video":{"resolution":"%s","frame_rate":%d,"bitrate_kbps":%d,"codec":"h264","profile":"%s",
                          "keyframe_interval_seconds":%d,"b_frames":%d},
                 "audio":{"codec":"aac","bitrate_kbps":64,"sample_rate_hz":48000,"channels":"stereo"},
                 "advanced":{"gop_size_frames":null,"rate_control":"cbr","buffer_size_kbps":null}}
                """.formatted(id, id, resolution, fps, kbps, profile, keyframeSeconds, bFrames);
    }

    public static String output(String preset, String ingestUrl, String streamKey) {
        return "{\"preset\":" + preset + ",\"target\":{\"url\":\"" + ingestUrl + "\",\"stream_key\":\"" + streamKey
                + "\"}}";
    }
}
