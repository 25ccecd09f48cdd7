package io.lunora.streaming.media.medialive;

import java.util.List;
import software.amazon.awssdk.services.medialive.MediaLiveClient;

/** The channel's set alerts from MediaLive {@code ListAlerts} ({@code stateFilter=SET}). */
class MediaLiveChannelAlerts implements ChannelAlerts {
    private final MediaLiveClient medialive;

    MediaLiveChannelAlerts(MediaLiveClient medialive) {
        this.medialive = medialive;
    }

    @Override
    public List<Alert> active(String channelId) {
        return medialive.listAlertsPaginator(b -> b.channelId(channelId).stateFilter("SET").maxResults(100))
                .alerts().stream()
                .map(a -> new Alert(a.alertType(), a.message() == null ? "" : a.message(), a.pipelineId(),
                        a.setTimestamp()))
                .toList();
    }
}
