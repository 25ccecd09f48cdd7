package io.lunora.model.media;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Where an output publishes: the ingest URL and the stream key, apart from the destination's
 * storage to the pusher. MediaLive takes them apart (URL and stream name); the engine joins them
 * only in its FFmpeg command line and registers the key with its redactor, so nothing ever cuts a
 * key out of a URL. {@link #toString()} never prints the key.
 *
 * @param url       {@code rtmp://} or {@code rtmps://}, host and application, without the key
 * @param streamKey the stream name after the application; null when the URL already names the stream
 */
public record PublishTarget(
        @NotBlank @Size(max = 2048)
        @Pattern(regexp = "rtmps?://[A-Za-z0-9.\\-\\[\\]:]+/\\S+",
                message = "must be an rtmp:// or rtmps:// URL with an application")
        String url,
        @Size(max = 512)
        @Pattern(regexp = "[^\\s/]\\S*", message = "must not contain spaces or start with a slash")
        String streamKey) {

    /** The one URL an RTMP client publishes to: the key as the stream name after the application. */
    public String joined() {
        if (streamKey == null || streamKey.isEmpty()) {
            return url;
        }
        return url.endsWith("/") ? url + streamKey : url + "/" + streamKey;
    }

    /** The URL without a trailing slash, as MediaLive's output destination wants it. */
    public String urlWithoutSlash() {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String toString() {
        return "PublishTarget[" + url + ", streamKey=" + (streamKey == null ? "none" : "****") + "]";
    }
}
