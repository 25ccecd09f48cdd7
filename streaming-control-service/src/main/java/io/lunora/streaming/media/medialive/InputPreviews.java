package io.lunora.streaming.media.medialive;

import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.medialive.MediaLiveClient;
import software.amazon.awssdk.services.medialive.model.DescribeChannelResponse;
import software.amazon.awssdk.services.medialive.model.PipelineDetail;
import software.amazon.awssdk.services.medialive.model.Thumbnail;
import software.amazon.awssdk.services.medialive.model.ThumbnailDetail;
import software.amazon.awssdk.services.medialive.model.ThumbnailType;

/**
 * An input's preview picture on MediaLive: the running channel's thumbnail of its active input
 * (DescribeThumbnails, {@code CURRENT_ACTIVE}, of the pipeline that plays it; the channel plan turns
 * thumbnails on). MediaLive decodes only the active input, so the standby has no picture: empty,
 * which the API answers as 404 "no picture yet", like an engine input that has not delivered one.
 */
final class InputPreviews {
    private static final Logger log = LoggerFactory.getLogger(InputPreviews.class);

    private final MediaLiveClient medialive;

    InputPreviews(MediaLiveClient medialive) {
        this.medialive = medialive;
    }

    /** The JPEG of {@code input} (an attachment name, {@code primary}/{@code secondary}) if the channel plays it now. */
    Optional<byte[]> of(DescribeChannelResponse channel, String input) {
        Optional<PipelineDetail> playing = channel.pipelineDetails().stream()
                .filter(p -> input.equals(p.activeInputAttachmentName())).findFirst();
        if (playing.isEmpty()) {
            return Optional.empty();
        }
        return medialive.describeThumbnails(b -> b.channelId(channel.id()).pipelineId(playing.get().pipelineId())
                        .thumbnailType(ThumbnailType.CURRENT_ACTIVE.toString()))
                .thumbnailDetails().stream().map(ThumbnailDetail::thumbnails).flatMap(java.util.List::stream)
                .filter(t -> "image/jpeg".equalsIgnoreCase(t.contentType()))
                .map(Thumbnail::body).filter(b -> b != null && !b.isEmpty()).findFirst()
                .flatMap(InputPreviews::decode);
    }

    /** The body is the picture in base64 (a JSON string field). */
    private static Optional<byte[]> decode(String body) {
        try {
            return Optional.of(Base64.getDecoder().decode(body));
        } catch (IllegalArgumentException notBase64) {
            log.warn("MediaLive answered a thumbnail that is not base64; no preview");
            return Optional.empty();
        }
    }
}
