package io.lunora.streaming.media.medialive;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The packaging check of a complete media stack, for tests about other things (MediaLiveRequestShapeTest covers it). */
final class PassingPackaging {
    static final String HLS_PATH = "/out/v1/6d8c2a0b4f9e4c7d9a1b3c5d7e9f0a1b/index.m3u8";

    private PassingPackaging() {
    }

    static PackagingCheck check(MediaLiveSettings settings) {
        return new PackagingCheck(channel -> Optional.of(List.of("https://abc123.mediapackage.us-east-1.amazonaws.com"
                + HLS_PATH)), settings, HLS_PATH, Clock.systemUTC());
    }
}
