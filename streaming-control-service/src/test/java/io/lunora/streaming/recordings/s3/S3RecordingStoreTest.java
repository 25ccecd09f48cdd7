package io.lunora.streaming.recordings.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lunora.streaming.recordings.RecordingStore;
import io.lunora.testing.RecordingHttpEndpoint;
import io.lunora.testing.RecordingHttpEndpoint.Recorded;
import io.lunora.testing.RecordingHttpEndpoint.Reply;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 calls of the aws-mode recordings, as the SDK sends them, path-style against a local
 * endpoint that answers as the S3 API reference draws ListObjectsV2
 * ({@code GET /{bucket}?list-type=2&prefix=}), GetObject ({@code GET /{bucket}/{key}}) and
 * DeleteObjects ({@code POST /{bucket}?delete}, a {@code <Delete>} body).
 */
class S3RecordingStoreTest {
    private static final String BUCKET = "lunora-recordings-test";
    private final RecordingHttpEndpoint s3 = new RecordingHttpEndpoint();
    private final S3Client client = S3Client.builder().endpointOverride(URI.create(s3.url())).forcePathStyle(true)
            .region(Region.US_EAST_1).httpClientBuilder(UrlConnectionHttpClient.builder())
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
            .build();
    private final S3RecordingStore store = new S3RecordingStore(client, BUCKET);

    @AfterEach
    void close() {
        client.close();
        s3.close();
    }

    @Test
    void shouldListTheOrganizationsRecordingsOnePerSessionAcrossPages() {
        s3.answer(r -> r.path().contains("continuation-token")
                ? xml(page(false, "", object("s-1/archive.000002.ts", "2026-12-01T10:00:10.000Z", 300)))
                : xml(page(true, "<NextContinuationToken>p2</NextContinuationToken>",
                        object("s-1/archive.000001.ts", "2026-12-01T10:00:00.000Z", 200),
                        object("s-2/archive.000001.ts", "2026-12-02T09:00:00.000Z", 50))));

        List<RecordingStore.StoredRecording> recordings = store.list("org-1");

        assertThat(recordings).containsExactly(
                new RecordingStore.StoredRecording("s-2", 50, Instant.parse("2026-12-02T09:00:00Z"),
                        Instant.parse("2026-12-02T09:00:00Z"), false),
                new RecordingStore.StoredRecording("s-1", 500, Instant.parse("2026-12-01T10:00:00Z"),
                        Instant.parse("2026-12-01T10:00:10Z"), false));
        assertThat(s3.requests()).extracting(Recorded::path).containsExactly(
                "/" + BUCKET + "?list-type=2&prefix=recordings%2Forg-1%2F",
                "/" + BUCKET + "?list-type=2&prefix=recordings%2Forg-1%2F&continuation-token=p2");
        assertThat(s3.requests()).allSatisfy(r -> assertThat(r.header("Authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/"));
    }

    @Test
    void shouldStreamTheSessionsSegmentsInTheirOrder() throws Exception {
        s3.answer(r -> {
            if (r.path().contains("list-type=2")) {
                return xml(page(false, "", object("s-1/archive.000002.ts", "2026-12-01T10:00:10.000Z", 3),
                        object("s-1/archive.000001.ts", "2026-12-01T10:00:00.000Z", 3),
                        object("s-1/archive.m3u8", "2026-12-01T10:00:00.000Z", 3)));
            }
            return new Reply(200, "video/mp2t", r.path().endsWith("000001.ts") ? "one" : "two");
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        store.copyTo("org-1", "s-1", out);

        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("onetwo");
        assertThat(s3.requests()).extracting(Recorded::path).containsExactly(
                "/" + BUCKET + "?list-type=2&prefix=recordings%2Forg-1%2Fs-1%2F",
                "/" + BUCKET + "/recordings/org-1/s-1/archive.000001.ts",
                "/" + BUCKET + "/recordings/org-1/s-1/archive.000002.ts");
    }

    @Test
    void shouldDeleteEveryObjectOfTheSessionAndNothingOfAnother() {
        s3.answer(r -> r.method().equals("POST")
                ? xml("<?xml version=\"1.0\" encoding=\"UTF-8\"?><DeleteResult "
                        + "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"></DeleteResult>")
                : xml(page(false, "", object("s-1/archive.000001.ts", "2026-12-01T10:00:00.000Z", 3),
                        object("s-1/archive.000002.ts", "2026-12-01T10:00:10.000Z", 3))));

        store.delete("org-1", "s-1");

        Recorded delete = s3.requests().getLast();
        assertThat(delete.method()).isEqualTo("POST");
        assertThat(delete.path()).isEqualTo("/" + BUCKET + "?delete");
        assertThat(delete.body()).contains("<Key>recordings/org-1/s-1/archive.000001.ts</Key>",
                "<Key>recordings/org-1/s-1/archive.000002.ts</Key>").contains("<Quiet>true</Quiet>");
    }

    @Test
    void shouldAnswerNotFoundForASessionWithoutObjects() {
        s3.answer(r -> xml(page(false, "")));
        assertThatThrownBy(() -> store.delete("org-1", "s-none"))
                .isInstanceOf(RecordingStore.RecordingNotFoundException.class);
        assertThatThrownBy(() -> store.copyTo("org-1", "s-none", new ByteArrayOutputStream()))
                .isInstanceOf(RecordingStore.RecordingNotFoundException.class);
        assertThat(s3.requests()).extracting(Recorded::method).containsOnly("GET");
    }

    private static Reply xml(String body) {
        return new Reply(200, "application/xml", body);
    }

    private static String page(boolean truncated, String next, String... objects) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>%s</Name>\
                <Prefix>recordings/org-1/</Prefix><KeyCount>%d</KeyCount><MaxKeys>1000</MaxKeys>\
                <IsTruncated>%s</IsTruncated>%s%s</ListBucketResult>"""
                .formatted(BUCKET, objects.length, truncated, next, String.join("", objects));
    }

    private static String object(String key, String lastModified, long size) {
        return "<Contents><Key>recordings/org-1/" + key + "</Key><LastModified>" + lastModified
                + "</LastModified><ETag>\"e\"</ETag><Size>" + size + "</Size><StorageClass>STANDARD</StorageClass>"
                + "</Contents>";
    }
}
