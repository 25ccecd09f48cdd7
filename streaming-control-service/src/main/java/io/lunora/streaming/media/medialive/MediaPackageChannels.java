package io.lunora.streaming.media.medialive;

import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.mediapackage.MediaPackageClient;
import software.amazon.awssdk.services.mediapackage.model.NotFoundException;
import software.amazon.awssdk.services.mediapackage.model.OriginEndpoint;

/**
 * The packaging channel on MediaPackage (v1, REST-JSON): {@code DescribeChannel}
 * ({@code GET /channels/{id}}), then {@code ListOriginEndpoints} filtered by the channel
 * ({@code GET /origin_endpoints?channelId=}, every page). The channel's answer holds its ingest
 * credentials, so nothing of it is kept or logged.
 */
class MediaPackageChannels implements PackagingChannels {
    private final MediaPackageClient mediapackage;

    MediaPackageChannels(MediaPackageClient mediapackage) {
        this.mediapackage = mediapackage;
    }

    @Override
    public Optional<List<String>> hlsEndpointUrls(String channelId) {
        try {
            mediapackage.describeChannel(b -> b.id(channelId));
        } catch (NotFoundException missing) {
            return Optional.empty();
        }
        return Optional.of(mediapackage.listOriginEndpointsPaginator(b -> b.channelId(channelId)).originEndpoints()
                .stream().filter(e -> e.hlsPackage() != null).map(OriginEndpoint::url).toList());
    }
}
