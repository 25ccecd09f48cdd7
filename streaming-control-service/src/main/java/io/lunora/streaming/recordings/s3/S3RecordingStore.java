package io.lunora.streaming.recordings.s3;

import io.lunora.streaming.recordings.RecordingStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The recordings MediaLive archives to the organization's bucket, under
 * {@code recordings/<organization>/<session>/} (media/medialive/ChannelPlan): MPEG-TS segments
 * whose keys sort in the order they were written. S3 cannot tell which recording is still written;
 * the service knows it from the open session.
 */
public class S3RecordingStore implements RecordingStore {
    /** DeleteObjects takes 1,000 keys at most per call (S3 API reference). */
    private static final int DELETE_BATCH = 1_000;

    private final S3Client s3;
    private final String bucket;

    public S3RecordingStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public List<StoredRecording> list(String organizationId) {
        String prefix = organizationPrefix(organizationId);
        Map<String, List<S3Object>> bySession = new LinkedHashMap<>();
        for (S3Object object : objects(prefix)) {
            String rest = object.key().substring(prefix.length());
            int slash = rest.indexOf('/');
            if (slash > 0) {
                bySession.computeIfAbsent(rest.substring(0, slash), s -> new ArrayList<>()).add(object);
            }
        }
        List<StoredRecording> recordings = new ArrayList<>();
        bySession.forEach((session, objects) -> {
            Instant first = objects.stream().map(S3Object::lastModified).min(Comparator.naturalOrder()).orElseThrow();
            Instant last = objects.stream().map(S3Object::lastModified).max(Comparator.naturalOrder()).orElseThrow();
            recordings.add(new StoredRecording(session, objects.stream().mapToLong(S3Object::size).sum(), first, last,
                    false));
        });
        recordings.sort(Comparator.comparing(StoredRecording::firstWrittenAt).reversed());
        return recordings;
    }

    @Override
    public void copyTo(String organizationId, String sessionId, OutputStream out) throws IOException {
        List<S3Object> segments = objects(sessionPrefix(organizationId, sessionId)).stream()
                .filter(o -> o.key().endsWith(".ts")).sorted(Comparator.comparing(S3Object::key)).toList();
        if (segments.isEmpty()) {
            throw new RecordingNotFoundException(sessionId);
        }
        for (S3Object segment : segments) {
            try (InputStream in = s3.getObject(r -> r.bucket(bucket).key(segment.key()))) {
                in.transferTo(out);
            }
        }
    }

    @Override
    public void delete(String organizationId, String sessionId) {
        List<ObjectIdentifier> keys = objects(sessionPrefix(organizationId, sessionId)).stream()
                .map(o -> ObjectIdentifier.builder().key(o.key()).build()).toList();
        if (keys.isEmpty()) {
            throw new RecordingNotFoundException(sessionId);
        }
        for (int from = 0; from < keys.size(); from += DELETE_BATCH) {
            List<ObjectIdentifier> batch = keys.subList(from, Math.min(keys.size(), from + DELETE_BATCH));
            var answer = s3.deleteObjects(r -> r.bucket(bucket)
                    .delete(Delete.builder().objects(batch).quiet(true).build()));
            if (answer.hasErrors() && !answer.errors().isEmpty()) {
                throw new IllegalStateException("S3 kept " + answer.errors().size() + " objects of recording "
                        + sessionId + ": " + answer.errors().getFirst().code());
            }
        }
    }

    private List<S3Object> objects(String prefix) {
        List<S3Object> objects = new ArrayList<>();
        s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().forEach(objects::add);
        return objects;
    }

    private static String organizationPrefix(String organizationId) {
        return "recordings/" + organizationId + "/";
    }

    private static String sessionPrefix(String organizationId, String sessionId) {
        return organizationPrefix(organizationId) + sessionId + "/";
    }
}
