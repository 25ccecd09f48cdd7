package io.lunora.viewer.thumbnail;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Local mode: the engine writes {@code thumbnail.jpg} beside each channel's master playlist and
 * serves it on its port like the HLS files; this reads it from the folder of the entry's
 * {@code hls_url}. An engine that has no picture yet, or cannot be reached, means no thumbnail.
 */
final class EngineThumbnailSource implements ThumbnailSource {
    private static final Logger log = LoggerFactory.getLogger(EngineThumbnailSource.class);
    static final String FILE = "thumbnail.jpg";

    private final RestClient engine;

    EngineThumbnailSource(RestClient engine) {
        this.engine = engine;
    }

    @Override
    public Optional<byte[]> latest(LiveStream stream) {
        try {
            return Optional.ofNullable(engine.get().uri(folderOf(stream.hlsUrl()) + FILE).retrieve().body(byte[].class));
        } catch (HttpClientErrorException.NotFound notYet) {
            return Optional.empty();
        } catch (RestClientException e) {
            log.warn("No thumbnail of stream {} from the engine: {}", stream.streamId(), e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** {@code /hls/org-1/master.m3u8} → {@code /hls/org-1/}. */
    static String folderOf(String hlsUrl) {
        return hlsUrl.substring(0, hlsUrl.lastIndexOf('/') + 1);
    }
}
