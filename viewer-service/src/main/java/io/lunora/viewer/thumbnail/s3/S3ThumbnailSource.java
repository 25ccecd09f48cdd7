package io.lunora.viewer.thumbnail.s3;

import io.lunora.viewer.thumbnail.LiveStream;
import io.lunora.viewer.thumbnail.ThumbnailSource;
import java.util.Comparator;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * AWS mode: MediaLive's Frame Capture output group writes {@code live.00001.jpg},
 * {@code live.00002.jpg}, … under {@code thumbnails/{org}/} of the organization's bucket. Its
 * counter starts again at every channel start and overwrites older pictures, so the newest picture
 * is the object written last, not the greatest key: every key under the prefix is listed (a few
 * hundred per streaming hour, at most one page per thousand) and the newest one fetched.
 */
public final class S3ThumbnailSource implements ThumbnailSource {
    private static final Logger log = LoggerFactory.getLogger(S3ThumbnailSource.class);

    private final S3Client s3;
    private final String bucket;

    S3ThumbnailSource(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public Optional<byte[]> latest(LiveStream stream) {
        String prefix = prefixOf(stream.organizationId());
        try {
            Optional<S3Object> newest = s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents()
                    .stream().filter(o -> o.key().endsWith(".jpg"))
                    .max(Comparator.comparing(S3Object::lastModified).thenComparing(S3Object::key));
            return newest.map(o -> s3.getObjectAsBytes(r -> r.bucket(bucket).key(o.key())).asByteArray());
        } catch (SdkException e) {
            log.warn("No thumbnail of stream {} from S3: {}", stream.streamId(), e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** Where the channel plan's Frame Capture group writes the organization's pictures. */
    static String prefixOf(String organizationId) {
        return "thumbnails/" + organizationId + "/";
    }
}
