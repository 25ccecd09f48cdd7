package io.lunora.streaming.media.medialive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.lunora.testing.RecordingHttpEndpoint;
import io.lunora.testing.RecordingHttpEndpoint.Recorded;
import io.lunora.testing.RecordingHttpEndpoint.Reply;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.mediapackage.MediaPackageClient;

/**
 * The packaging check with the real MediaPackage SDK against a local endpoint answering as the
 * MediaPackage (v1) API reference shows: {@code GET /channels/{id}} answers a Channel or 404
 * {@code NotFoundException}; {@code GET /origin_endpoints?channelId=&nextToken=} an
 * OriginEndpointList ({@code originEndpoints[]} with {@code url} and the package kind,
 * {@code nextToken}). The backend's side (no CreateChannel, the warning in the status) is in
 * {@link MediaLiveRequestShapeTest}.
 */
class PackagingCheckTest {
    private static final MediaLiveSettings SETTINGS = new MediaLiveSettings("org-1", "dev",
            "arn:aws:iam::123456789012:role/lunora-org-1-dev-medialive", "org-1-dev-live", "lunora-org-1-dev",
            "lunora/dev/org-1/srt/", "arn:aws:kms:us-east-1:123456789012:key/k-1", Duration.ofSeconds(2),
            Duration.ofMillis(1), Duration.ofSeconds(5));
    private static final String HLS_PATH = "/out/v1/6d8c2a0b4f9e4c7d9a1b3c5d7e9f0a1b/index.m3u8";
    private static final String ORIGIN = "https://abc123.mediapackage.us-east-1.amazonaws.com";
    private static final String CHANNEL = """
            {"arn":"arn:aws:mediapackage:us-east-1:123456789012:channels/0f3a9c2e5b7d4e18a6c4b2d0e8f6a4c2",
             "id":"org-1-dev-live","hlsIngest":{"ingestEndpoints":[{"id":"ie-1",
               "url":"https://3f8a.mediapackage.us-east-1.amazonaws.com/in/v2/0f3a9c2e/0f3a9c2e/channel",
               "username":"ingest-user-1","password":"ingest-password-1"}]}}""";

    private final RecordingHttpEndpoint aws = new RecordingHttpEndpoint();
    private final MediaPackageClient mediapackage = MediaPackageClient.builder()
            .endpointOverride(URI.create(aws.url())).region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    private final MovableClock clock = new MovableClock();
    private final PackagingCheck check = new PackagingCheck(new MediaPackageChannels(mediapackage), SETTINGS,
            HLS_PATH, clock);

    @AfterEach
    void close() {
        mediapackage.close();
        aws.close();
    }

    @Test
    void shouldReadEveryPageOfTheChannelsEndpointsAndKeepOnlyTheHlsOnes() {
        aws.answer(r -> switch (r.path()) {
            case "/channels/org-1-dev-live" -> Reply.json(200, CHANNEL);
            case "/origin_endpoints?channelId=org-1-dev-live" -> Reply.json(200, """
                    {"originEndpoints":[{"id":"org-1-dev-dash","channelId":"org-1-dev-live",
                       "url":"%s/out/v1/1111/index.mpd","dashPackage":{"segmentDurationSeconds":2}}],
                     "nextToken":"page-2"}""".formatted(ORIGIN));
            case "/origin_endpoints?channelId=org-1-dev-live&nextToken=page-2" -> Reply.json(200, """
                    {"originEndpoints":[{"id":"org-1-dev-hls","channelId":"org-1-dev-live",
                       "url":"%s%s","hlsPackage":{"segmentDurationSeconds":6}}]}""".formatted(ORIGIN, HLS_PATH));
            default -> Reply.json(404, "{\"__type\":\"NotFoundException\",\"message\":\"not here\"}");
        });

        assertThat(new MediaPackageChannels(mediapackage).hlsEndpointUrls("org-1-dev-live")).contains(
                List.of(ORIGIN + HLS_PATH));
        assertThat(aws.requests()).extracting(Recorded::method, Recorded::path, Recorded::body).containsExactly(
                tuple("GET", "/channels/org-1-dev-live", ""),
                tuple("GET", "/origin_endpoints?channelId=org-1-dev-live", ""),
                tuple("GET", "/origin_endpoints?channelId=org-1-dev-live&nextToken=page-2", ""));
    }

    @Test
    void shouldTellAMissingChannelWithoutListingEndpoints() {
        aws.answer(r -> Reply.json(404, "{\"__type\":\"NotFoundException\",\"message\":\"channel not found\"}"));

        assertThat(new MediaPackageChannels(mediapackage).hlsEndpointUrls("org-1-dev-live")).isEmpty();
        assertThatThrownBy(check::beforeBuild).isInstanceOf(IllegalStateException.class).hasMessage(
                "the packaging channel org-1-dev-live does not exist: deploy the media stack "
                        + "lunora-org-1-dev-media-services");
        assertThat(aws.requests()).extracting(Recorded::path).containsOnly("/channels/org-1-dev-live");
    }

    @Test
    void shouldKeepAPassedCheckForTenMinutesAndCheckAgainAfter() {
        aws.answer(r -> r.path().startsWith("/channels/") ? Reply.json(200, CHANNEL) : Reply.json(200, """
                {"originEndpoints":[{"id":"org-1-dev-hls","url":"%s%s","hlsPackage":{}}]}""".formatted(ORIGIN, HLS_PATH)));

        check.beforeBuild();
        clock.move(PackagingCheck.KEEP_PASSED.minusSeconds(1));
        check.beforeBuild();
        assertThat(aws.requests()).hasSize(2);

        clock.move(Duration.ofSeconds(1));
        check.beforeBuild();
        assertThat(aws.requests()).hasSize(4);
        assertThat(check.warning()).isNull();
    }

    @Test
    void shouldLetTheBuildGoOnWithAWarningWhenMediaPackageRefusesTheCheck() {
        aws.answer(r -> Reply.json(403, "{\"__type\":\"ForbiddenException\",\"message\":\"User: arn:aws:sts::"
                + "123456789012:assumed-role/x is not authorized to perform: mediapackage:DescribeChannel\"}"));

        check.beforeBuild();

        assertThat(check.warning()).isEqualTo("the packaging channel org-1-dev-live could not be checked: "
                + "MediaPackage refused: ForbiddenException (HTTP 403)");
        // not kept: the next build asks again
        check.beforeBuild();
        assertThat(aws.requests()).hasSize(2);
    }

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-03-01T10:00:00Z");

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
