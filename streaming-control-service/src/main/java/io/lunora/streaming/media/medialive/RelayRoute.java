package io.lunora.streaming.media.medialive;

import io.lunora.model.preset.EncodingPreset;
import java.util.List;

/**
 * Where the channel sends its renditions when a relay fans them out: one SRT output per preset,
 * caller to {@code srt://{host}:{port}}, encrypted with the passphrase in {@code passphraseSecretArn}.
 */
record RelayRoute(String host, int latencyMs, String passphraseSecretArn, List<Rendition> renditions) {

    record Rendition(EncodingPreset preset, int port) {
    }

    boolean carries(String presetId) {
        return renditions.stream().anyMatch(r -> r.preset().presetId().equals(presetId));
    }
}
