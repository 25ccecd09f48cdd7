package io.lunora.streaming.media.medialive;

/**
 * The relay tier, as plain values (docs/aws.md, "Per-destination control").
 *
 * @param url       the relay's internal API (its Cloud Map name)
 * @param host      the address MediaLive sends the renditions to: the relay's network load balancer
 * @param latencyMs SRT latency of each rendition, MediaLive's output and the relay's listener alike
 */
record RelaySettings(String url, String host, int latencyMs) {
}
