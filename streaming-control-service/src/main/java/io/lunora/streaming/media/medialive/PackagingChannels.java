package io.lunora.streaming.media.medialive;

import java.util.List;
import java.util.Optional;

/** Outgoing port: the media stack's MediaPackage channel, as MediaPackage has it now. */
interface PackagingChannels {

    /**
     * The URLs of the channel's HLS origin endpoints, none when it has no HLS endpoint; empty when
     * the channel does not exist.
     */
    Optional<List<String>> hlsEndpointUrls(String channelId);
}
