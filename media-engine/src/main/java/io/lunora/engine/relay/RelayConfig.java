package io.lunora.engine.relay;

import java.util.List;

/**
 * What a relay receives, as checked from the API body.
 *
 * @param passphrase null: the listeners are not encrypted; never printed
 * @param keyLength  AES key length in bytes (16, 24, 32) with a passphrase
 */
public record RelayConfig(String sessionId, List<RenditionSettings> renditions, String passphrase, Integer keyLength) {

    /** One rendition: the preset MediaLive encoded it with, and the SRT receive latency. */
    public record RenditionSettings(String presetId, int latencyMs) {
    }

    @Override
    public String toString() {
        return "RelayConfig[sessionId=" + sessionId + ", renditions=" + renditions + ", encrypted=" + (passphrase != null)
                + "]";
    }
}
