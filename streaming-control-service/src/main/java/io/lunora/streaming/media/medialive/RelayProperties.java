package io.lunora.streaming.media.medialive;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code lunora.medialive.relay.*} ({@code LUNORA_MEDIALIVE_RELAY_URL}, {@code _HOST}, {@code _LATENCYMS}).
 * Without a URL there is no relay and destinations change through the channel's update cycle.
 */
@ConfigurationProperties(prefix = "lunora.medialive.relay")
record RelayProperties(String url, String host, Integer latencyMs) {

    RelayProperties {
        latencyMs = latencyMs == null ? 500 : latencyMs;
    }

    boolean configured() {
        return url != null && !url.isBlank();
    }

    RelaySettings settings() {
        if (host == null || host.isBlank()) {
            throw new IllegalStateException("lunora.medialive.relay.host is required with lunora.medialive.relay.url");
        }
        if (latencyMs < 40 || latencyMs > 16000) {
            // MediaLive's SRT output latency range
            throw new IllegalStateException("lunora.medialive.relay.latency-ms must be between 40 and 16000");
        }
        return new RelaySettings(url, host, latencyMs);
    }
}
