package io.lunora.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.identity.Group;
import io.lunora.model.viewer.PlaybackTokens;
import io.lunora.model.viewer.PlaybackTokens.Grant;
import io.lunora.model.viewer.ViewerTier;
import io.lunora.testing.TestIssuer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Playback on AWS: the {@code /hls/**} route's origin ({@code LUNORA_ENGINE_URI}) is a MediaPackage
 * HLS endpoint over HTTPS and the catalog's {@code hls_url} its {@code /out/v1/{id}/index.m3u8}.
 * MediaPackage keeps every variant in one folder, numbered, so the quality cap cannot go by rung
 * folders: the gateway learns which number is which height from the origin's master and refuses
 * the taller variants' playlists and segments. Real playback tokens, a real TLS origin.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lunora.security.issuer=" + TestIssuer.ISSUER,
                // long enough that the cache assertions do not depend on how fast this machine is
                "lunora.gateway.playback.cache-ttl=30s"})
class MediaPackagePlaybackTest {
    static final TestIssuer ISSUER = new TestIssuer();
    static final MediaPackageOrigin ORIGIN = new MediaPackageOrigin();
    static final PlaybackDirectoryStandIn DIRECTORY = new PlaybackDirectoryStandIn();
    static final PlaybackTokens SIGNER = new PlaybackTokens(Base64.getDecoder().decode(PlaybackDirectoryStandIn.SECRET));

    @DynamicPropertySource
    static void origin(DynamicPropertyRegistry registry) {
        registry.add("lunora.security.jwk-set-uri", ISSUER::jwkSetUri);
        registry.add("LUNORA_ENGINE_URI", ORIGIN::uri);
        // MediaPackage's certificate is publicly trusted; this origin's is trusted by configuration only
        registry.add("spring.cloud.gateway.server.webflux.httpclient.ssl.trusted-x509-certificates[0]",
                () -> ORIGIN.certificate().toString());
        registry.add("lunora.gateway.playback.secret", () -> PlaybackDirectoryStandIn.SECRET);
        registry.add("lunora.gateway.playback.directory-url", DIRECTORY::uri);
        registry.add("lunora.gateway.playback.token-uri", () -> DIRECTORY.uri() + "/oauth2/token");
        registry.add("lunora.gateway.playback.client-secret", () -> PlaybackDirectoryStandIn.CLIENT_SECRET);
    }

    @BeforeAll
    static void catalog() {
        DIRECTORY.put("gala", "public", MediaPackageOrigin.FOLDER + "index.m3u8", true);
        DIRECTORY.put("other", "public", "/hls/org-other/master.m3u8", true);
        DIRECTORY.put("unpackaged", "public", "/out/v1/0000aaaa/index.m3u8", true);
    }

    @LocalServerPort
    int port;

    GatewayClient gateway;

    @BeforeEach
    void connect() {
        gateway = new GatewayClient(port);
        ORIGIN.clear();
    }

    static String token(String streamId, ViewerTier tier) {
        return SIGNER.issue(new Grant(streamId, tier, Instant.now().plus(Duration.ofMinutes(5))));
    }

    @Test
    void shouldGiveAFreeViewerAMasterWithoutTheTallerVariantsAndRefuseTheirPlaylistsAndSegments() {
        String base = "/hls/t/" + token("gala", ViewerTier.FREE) + "/gala/";

        HttpResponse<String> master = gateway.send("GET", base + "index.m3u8", null);

        assertThat(master.statusCode()).as(master.body()).isEqualTo(200);
        assertThat(master.body()).startsWith("#EXTM3U").contains("RESOLUTION=854x480", "index_1.m3u8")
                .doesNotContain("index_2.m3u8", "index_3.m3u8", "RESOLUTION=1280x720", "RESOLUTION=1920x1080");
        for (String refused : List.of("index_3.m3u8", "index_3_1.ts", "index_2.m3u8", "index_2_2.ts",
                "index_3_1.aac", "index_3_1.vtt")) {
            HttpResponse<String> answer = gateway.send("GET", base + refused, null);
            assertProblem(answer, 403);
            assertThat(answer.body()).as(refused).contains("up to 480p");
        }
        assertThat(gateway.send("GET", base + "index_1.m3u8", null).body()).contains("index_1_1.ts");
        HttpResponse<byte[]> segment = bytes(base + "index_1_2.ts");
        assertThat(segment.statusCode()).isEqualTo(200);
        assertThat(segment.body()).isEqualTo(MediaPackageOrigin.segment(1, 2));
        assertThat(ORIGIN.paths()).as("refused files never reach the origin; besides the viewer's files only the "
                        + "master, which the gateway reads to learn the ladder")
                .filteredOn(p -> !p.equals(MediaPackageOrigin.FOLDER + "index.m3u8"))
                .containsExactly(MediaPackageOrigin.FOLDER + "index_1.m3u8", MediaPackageOrigin.FOLDER + "index_1_2.ts");
    }

    @Test
    void shouldRefuseACappedViewerAVariantFileItCannotPlaceInTheLadder() {
        String base = "/hls/t/" + token("gala", ViewerTier.FREE) + "/gala/";

        for (String unplaced : List.of("index_4.m3u8", "index_4_1.ts", "index_1_iframe.m3u8.ts", "other.ts",
                "index.ts", "sub/index_1.m3u8")) {
            assertProblem(gateway.send("GET", base + unplaced, null), 403);
        }
        assertThat(ORIGIN.paths()).allMatch(p -> p.equals(MediaPackageOrigin.FOLDER + "index.m3u8"));
    }

    @Test
    void shouldGiveAVipViewerEveryVariantOverTlsWithTheOriginsHostAndNoCredentials() {
        String subject = "user-v" + UUID.randomUUID().toString().substring(0, 8);
        String access = ISSUER.userToken(subject.substring(5), "consumers", Group.VIP);
        String base = "/hls/t/" + SIGNER.issue(new Grant("gala", ViewerTier.VIP, Instant.now().plusSeconds(300),
                subject)) + "/gala/";

        HttpResponse<String> master = gateway.send("GET", base + "index.m3u8", access);
        HttpResponse<String> tallest = gateway.send("GET", base + "index_3.m3u8", access);
        HttpResponse<byte[]> segment = bytes(base + "index_3_1.ts", access);

        assertThat(master.body()).isEqualTo(MediaPackageOrigin.MASTER.strip() + "\n");
        assertThat(tallest.statusCode()).isEqualTo(200);
        assertThat(tallest.body()).contains("index_3_2.ts");
        assertThat(segment.statusCode()).isEqualTo(200);
        assertThat(segment.body()).isEqualTo(MediaPackageOrigin.segment(3, 1));
        assertThat(ORIGIN.received()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.host()).as("MediaPackage routes by its own host name").isEqualTo(ORIGIN.authority());
            assertThat(r.authorization()).isNull();
            assertThat(r.cookie()).isNull();
            assertThat(r.query()).isNull();
            assertThat(r.path()).startsWith(MediaPackageOrigin.FOLDER).doesNotContain("v2.");
        });
    }

    @Test
    void shouldRefuseATokenOfAnotherStreamAndARequestWithoutToken() {
        String other = token("other", ViewerTier.VIP);

        assertProblem(gateway.send("GET", "/hls/t/" + other + "/gala/index.m3u8", null), 403);
        assertProblem(gateway.send("GET", "/hls/t/" + other + "/gala/index_1_1.ts", null), 403);
        assertProblem(gateway.send("GET", "/hls/out/v1/" + MediaPackageOrigin.ENDPOINT_ID + "/index.m3u8", null), 401);
        assertProblem(gateway.send("GET", "/hls/t/not-a-token/gala/index.m3u8", null), 404);
        assertThat(gateway.send("GET", MediaPackageOrigin.FOLDER + "index.m3u8", null).statusCode())
                .as("the origin's own path is not a gateway route").isEqualTo(404);
        assertThat(ORIGIN.received()).isEmpty();
    }

    @Test
    void shouldLearnTheLadderOncePerStreamWithinTheCacheTime() {
        String base = "/hls/t/" + token("gala", ViewerTier.FREE) + "/gala/";
        gateway.send("GET", base + "index_1_1.ts", null);
        ORIGIN.clear();

        for (int seq = 1; seq <= 2; seq++) {
            assertThat(gateway.send("GET", base + "index_1_" + seq + ".ts", null).statusCode()).isEqualTo(200);
            assertProblem(gateway.send("GET", base + "index_3_" + seq + ".ts", null), 403);
        }

        assertThat(ORIGIN.paths()).containsExactly(MediaPackageOrigin.FOLDER + "index_1_1.ts",
                MediaPackageOrigin.FOLDER + "index_1_2.ts");
    }

    @Test
    void shouldNotServeACappedViewerAVariantWhenTheOriginsMasterCannotBeRead() {
        String base = "/hls/t/" + token("unpackaged", ViewerTier.FREE) + "/unpackaged/";

        HttpResponse<String> answer = gateway.send("GET", base + "index_1_1.ts", null);

        assertProblem(answer, 503);
        assertThat(ORIGIN.paths()).containsExactly("/out/v1/0000aaaa/index.m3u8");
    }

    private HttpResponse<byte[]> bytes(String path) {
        return bytes(path, null);
    }

    private HttpResponse<byte[]> bytes(String path, String accessToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri(path)).timeout(Duration.ofSeconds(10)).GET();
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        try {
            return GatewayClient.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void assertProblem(HttpResponse<String> response, int status) {
        GatewayTestBase.assertProblem(response, status);
    }
}
