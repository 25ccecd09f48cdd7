package io.lunora.viewer.thumbnail.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.testing.RecordingHttpEndpoint.Recorded;
import io.lunora.testing.RecordingHttpEndpoint.Reply;
import io.lunora.testing.RecordingHttpEndpoint;
import io.lunora.viewer.thumbnail.LiveStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 calls of the aws-mode thumbnail source, as the SDK sends them (REST-XML; S3 API reference:
 * ListObjectsV2 {@code GET /?list-type=2&prefix=&continuation-token=}, GetObject {@code GET /{Key}}),
 * path-style against a local endpoint that records them.
 */
class S3ThumbnailRequestShapeTest {
    private static final String BUCKET = "lunora-org-1-dev";
    private final RecordingHttpEndpoint s3 = new RecordingHttpEndpoint();
    private final S3Client client = S3Client.builder().endpointOverride(URI.create(s3.url())).forcePathStyle(true)
            .region(Region.US_EAST_1).httpClientBuilder(UrlConnectionHttpClient.builder())
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
            .build();
    private final S3ThumbnailSource source = new S3ThumbnailSource(client, BUCKET);
    private final LiveStream stream = new LiveStream("stream-1", "org-1", "/hls/org-1/master.m3u8");

    @AfterEach
    void close() {
        client.close();
        s3.close();
    }

    @Test
    void shouldListEveryPageUnderTheOrganizationsPrefixAndFetchTheObjectWrittenLast() {
        // a restarted channel counts from 00001 again: 00002 is newer than 00900 of the run before
        s3.answer(r -> {
            if (r.path().contains("list-type=2") && !r.path().contains("continuation-token")) {
                return xml(page(true, "<NextContinuationToken>page-2</NextContinuationToken>",
                        object("live.00899.jpg", "2026-11-20T10:00:00.000Z"),
                        object("live.00900.jpg", "2026-11-20T10:00:10.000Z")));
            }
            if (r.path().contains("list-type=2")) {
                return xml(page(false, "", object("live.00001.jpg", "2026-11-24T09:00:00.000Z"),
                        object("live.00002.jpg", "2026-11-24T09:00:10.000Z")));
            }
            return new Reply(200, "image/jpeg", "jpeg-bytes-of-00002");
        });

        assertThat(source.latest(stream)).hasValueSatisfying(
                bytes -> assertThat(new String(bytes, StandardCharsets.US_ASCII)).isEqualTo("jpeg-bytes-of-00002"));

        List<Recorded> requests = s3.requests();
        assertThat(requests).extracting(Recorded::method).containsExactly("GET", "GET", "GET");
        assertThat(requests).extracting(Recorded::path).containsExactly(
                "/" + BUCKET + "?list-type=2&prefix=thumbnails%2Forg-1%2F",
                "/" + BUCKET + "?list-type=2&prefix=thumbnails%2Forg-1%2F&continuation-token=page-2",
                "/" + BUCKET + "/thumbnails/org-1/live.00002.jpg");
        assertThat(requests).allSatisfy(r -> {
            assertThat(r.header("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/")
                    .contains("/us-east-1/s3/aws4_request");
            assertThat(r.header("x-amz-content-sha256")).isNotBlank();
            assertThat(r.body()).isEmpty();
        });
    }

    @Test
    void shouldHaveNoPictureWhenThePrefixIsEmptyOrS3RefusesWithoutFetchingAnything() {
        s3.answer(r -> xml(page(false, "")));
        assertThat(source.latest(stream)).isEmpty();
        assertThat(s3.requests()).hasSize(1);

        s3.clear();
        s3.answer(r -> new Reply(403, "application/xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>r1</RequestId></Error>"""));
        assertThat(source.latest(stream)).isEmpty();
        assertThat(s3.requests()).extracting(Recorded::path).allMatch(p -> p.contains("list-type=2"));
    }

    private static Reply xml(String body) {
        return new Reply(200, "application/xml", body);
    }

    private static String page(boolean truncated, String next, String... objects) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>%s</Name>\
                <Prefix>thumbnails/org-1/</Prefix><KeyCount>%d</KeyCount><MaxKeys>1000</MaxKeys>\
                <IsTruncated>%s</IsTruncated>%s%s</ListBucketResult>"""
                .formatted(BUCKET, objects.length, truncated, next, String.join("", objects));
    }

    private static String object(String name, String lastModified) {
        return "<Contents><Key>thumbnails/org-1/" + name + "</Key><LastModified>" + lastModified
                + "</LastModified><ETag>\"e\"</ETag><Size>20</Size><StorageClass>STANDARD</StorageClass></Contents>";
    }
}
