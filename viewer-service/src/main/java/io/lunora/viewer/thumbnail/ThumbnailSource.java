package io.lunora.viewer.thumbnail;

import java.util.Optional;

/** Where the newest picture of a live stream comes from: the local engine's file or the S3 frame captures. */
public interface ThumbnailSource {
    /** The newest JPEG of the stream, or empty when it has none (yet). */
    Optional<byte[]> latest(LiveStream stream);
}
