package io.lunora.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.identity.Group;
import io.lunora.model.identity.LunoraClaims;
import io.lunora.model.viewer.PlaybackTokens;
import io.lunora.model.viewer.PlaybackTokens.Grant;
import io.lunora.model.viewer.ViewerTier;
import io.lunora.testing.TestIssuer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /hls/**} with real HMAC playback tokens signed by the key viewer-service uses: only an
 * authentic, unexpired token of the stream whose tier covers its access level reaches the engine,
 * at the stream's engine folder and without the token or credentials. Tokens of streams above
 * public are bound to their viewer and play only with that viewer's access token.
 */
class PlaybackAccessTest extends GatewayTestBase {
    static final PlaybackTokens SIGNER = new PlaybackTokens(Base64.getDecoder().decode(PlaybackDirectoryStandIn.SECRET));

    @BeforeAll
    static void catalog() {
        PLAYBACK_DIRECTORY.put("concert", "premium", "/hls/org-prem/master.m3u8", true);
        PLAYBACK_DIRECTORY.put("town-hall", "public", "/hls/org-pub/master.m3u8", true);
        PLAYBACK_DIRECTORY.put("raised", "premium", "/hls/org-raised/master.m3u8", true);
        PLAYBACK_DIRECTORY.put("ended", "public", "/hls/org-ended/master.m3u8", false);
    }

    static String token(String streamId, ViewerTier tier, Duration validFor) {
        return SIGNER.issue(new Grant(streamId, tier, Instant.now().plus(validFor)));
    }

    /** A token bound to {@code viewer}'s subject, as viewer-service issues them for streams above public. */
    static String token(String streamId, ViewerTier tier, Duration validFor, Viewer viewer) {
        return SIGNER.issue(new Grant(streamId, tier, Instant.now().plus(validFor), viewer.subject()));
    }

    /** A signed-in viewer: a fresh subject and its access token. */
    record Viewer(String subject, String accessToken) {
        static Viewer of(Group group) {
            String username = "v" + UUID.randomUUID().toString().substring(0, 8);
            return new Viewer("user-" + username, ISSUER.userToken(username, "consumers", group));
        }
    }

    @Test
    void shouldServeAPremiumViewerThePlaylistAndSegmentsFromTheStreamsEngineFolder() {
        Viewer viewer = Viewer.of(Group.PREMIUM);
        String premium = token("concert", ViewerTier.PREMIUM, Duration.ofMinutes(5), viewer);

        HttpResponse<String> playlist = gateway.send("GET", "/hls/t/" + premium + "/concert/master.m3u8",
                viewer.accessToken());
        HttpResponse<String> segment = gateway.send("GET", "/hls/t/" + premium + "/concert/720p/segment_00042.ts",
                viewer.accessToken());

        assertThat(playlist.statusCode()).as(playlist.body()).isEqualTo(200);
        assertThat(segment.statusCode()).as(segment.body()).isEqualTo(200);
        assertThat(SERVICES.get("ENGINE").received()).extracting(RecordingDownstream.Received::path)
                .containsExactly("/hls/org-prem/master.m3u8", "/hls/org-prem/720p/segment_00042.ts");
        assertThat(SERVICES.get("ENGINE").received()).allSatisfy(r -> assertThat(r.authorization())
                .as("neither the viewer's access token nor the playback token goes to the engine").isNull());
        assertThat(everythingReceived()).hasSize(2);
    }

    @Test
    void shouldRefuseAFreeViewerThePremiumPlaylistAndSegmentsEvenWithAUrlCopiedFromAPremiumViewer() {
        String premium = token("concert", ViewerTier.PREMIUM, Duration.ofMinutes(5), Viewer.of(Group.PREMIUM));
        String free = token("town-hall", ViewerTier.FREE, Duration.ofMinutes(5));
        List<String> copied = List.of("/hls/t/" + premium + "/concert/master.m3u8",
                "/hls/t/" + premium + "/concert/720p/segment_00042.ts");

        for (String url : copied) {
            HttpResponse<String> withOwnToken = gateway.send("GET", url.replace(premium, free), tokenOf(Group.FREE));
            assertProblem(withOwnToken, 403);
            assertThat(withOwnToken.body()).contains("another stream").doesNotContain(free);
            HttpResponse<String> engineAddress = gateway.send("GET",
                    url.replace("/hls/t/" + premium + "/concert/", "/hls/org-prem/") + "?playback_token=" + free, null);
            assertProblem(engineAddress, 403);
        }
        // a token that names the premium stream with the free tier (issued while it was public): too low now
        String freeForConcert = token("raised", ViewerTier.FREE, Duration.ofMinutes(5));
        assertProblem(gateway.send("GET", "/hls/t/" + freeForConcert + "/raised/master.m3u8", null), 403);
        assertProblem(gateway.send("GET", "/hls/t/" + freeForConcert + "/raised/720p/segment_00001.ts", null), 403);
        assertThat(everythingReceived()).isEmpty();
    }

    @Test
    void shouldCapAFreeViewerAtStandardQualityInTheMasterPlaylistAndTheRungs() {
        String free = token("town-hall", ViewerTier.FREE, Duration.ofMinutes(5));
        String base = "/hls/t/" + free + "/town-hall/";

        HttpResponse<String> master = gateway.send("GET", base + "master.m3u8", null);

        assertThat(master.statusCode()).as(master.body()).isEqualTo(200);
        assertThat(master.body()).startsWith("#EXTM3U").contains("RESOLUTION=854x480", "480p/index.m3u8")
                .doesNotContain("1080p", "720p", "RESOLUTION=1920x1080");
        assertProblem(gateway.send("GET", base + "1080p/index.m3u8", null), 403);
        assertProblem(gateway.send("GET", base + "720p/segment-00003.ts", null), 403);
        assertThat(gateway.send("GET", base + "480p/index.m3u8", null).statusCode()).isEqualTo(200);
        assertThat(SERVICES.get("ENGINE").received()).extracting(RecordingDownstream.Received::path)
                .containsExactly("/hls/org-pub/master.m3u8", "/hls/org-pub/480p/index.m3u8");
    }

    @Test
    void shouldGiveAPremiumViewerEveryRungUpToHighQuality() {
        Viewer viewer = Viewer.of(Group.PREMIUM);
        String premium = token("concert", ViewerTier.PREMIUM, Duration.ofMinutes(5), viewer);

        HttpResponse<String> master = gateway.send("GET", "/hls/t/" + premium + "/concert/master.m3u8",
                viewer.accessToken());

        assertThat(master.body()).isEqualTo(RecordingDownstream.MASTER_PLAYLIST.strip() + "\n");
        assertThat(gateway.send("GET", "/hls/t/" + premium + "/concert/1080p/segment-00001.ts", viewer.accessToken())
                .statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRefuseAnExpiredToken() {
        String expired = token("town-hall", ViewerTier.VIP, Duration.ofSeconds(-1));

        HttpResponse<String> playlist = gateway.send("GET", "/hls/t/" + expired + "/town-hall/master.m3u8", null);
        HttpResponse<String> segment = gateway.send("GET", "/hls/t/" + expired + "/town-hall/480p/segment_00001.ts", null);

        assertProblem(playlist, 401);
        assertThat(playlist.body()).contains("expired");
        assertProblem(segment, 401);
        assertThat(everythingReceived()).isEmpty();
    }

    @Test
    void shouldRefuseMissingTamperedAndForeignKeyTokens() {
        String valid = token("concert", ViewerTier.PREMIUM, Duration.ofMinutes(5));
        String[] parts = valid.split("\\.");
        String payloadOfVip = token("concert", ViewerTier.VIP, Duration.ofMinutes(5)).split("\\.")[1];
        String otherKey = new PlaybackTokens("another-secret-of-at-least-32-bytes!".getBytes())
                .issue(new Grant("concert", ViewerTier.VIP, Instant.now().plusSeconds(300)));

        for (String token : List.of(parts[0] + "." + payloadOfVip + "." + parts[2], otherKey, "v2.bm9wZQ.bm9wZQ",
                "not-a-token")) {
            assertProblem(gateway.send("GET", "/hls/org-prem/master.m3u8?playback_token=" + token, null), 401);
            if (token.startsWith("v2.")) {
                assertProblem(gateway.send("GET", "/hls/t/" + token + "/concert/master.m3u8", null), 401);
            }
        }
        assertProblem(gateway.send("GET", "/hls/org-prem/master.m3u8", null), 401);
        assertProblem(gateway.send("GET", "/hls/org-prem/720p/segment_00001.ts", tokenOf(Group.VIP)), 401);
        assertThat(everythingReceived()).isEmpty();
    }

    @Test
    void shouldRedirectTheViewerServicePlaybackUrlToTheTokenPathThatRelativeSegmentUrlsInherit() {
        String anonymous = token("town-hall", ViewerTier.ANONYMOUS, Duration.ofMinutes(5));

        HttpResponse<String> redirect = gateway.send("GET", "/hls/org-pub/master.m3u8?playback_token=" + anonymous, null);

        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("/hls/t/" + anonymous + "/town-hall/master.m3u8");
        assertThat(everythingReceived()).isEmpty();
        // what hls.js then asks for: the playlist at the new address, a segment relative to it
        assertThat(gateway.send("GET", java.net.URI.create(location).getPath(), null).statusCode()).isEqualTo(200);
        String segment = java.net.URI.create(location).resolve("480p/segment_00007.ts").getPath();
        assertThat(gateway.send("GET", segment, null).statusCode()).isEqualTo(200);
        assertThat(SERVICES.get("ENGINE").received()).extracting(RecordingDownstream.Received::path)
                .containsExactly("/hls/org-pub/master.m3u8", "/hls/org-pub/480p/segment_00007.ts");
    }

    @Test
    void shouldAnswer404ForAStreamThatIsNotLiveOrUnknownAndForPathsOutsideItsFolder() {
        String ended = token("ended", ViewerTier.VIP, Duration.ofMinutes(5));
        String unknown = token("no-such-stream", ViewerTier.VIP, Duration.ofMinutes(5));
        String valid = token("town-hall", ViewerTier.VIP, Duration.ofMinutes(5));

        assertProblem(gateway.send("GET", "/hls/t/" + ended + "/ended/master.m3u8", null), 404);
        assertProblem(gateway.send("GET", "/hls/t/" + unknown + "/no-such-stream/master.m3u8", null), 404);
        assertProblem(gateway.send("GET", "/hls/t/" + valid + "/town-hall/.hidden/x.ts", null), 404);
        assertProblem(gateway.send("GET", "/hls/t/" + valid + "/town-hall/a/b/c/d/e.ts", null), 404);
        assertThat(gateway.send("GET", "/hls/t/" + valid + "/town-hall/%2e%2e/%2e%2e/org-prem/master.m3u8", null)
                .statusCode()).isIn(400, 404);
        assertThat(gateway.send("GET", "/hls/org-prem/master.m3u8?playback_token=" + valid, null).statusCode())
                .as("a token of one stream does not open another's folder").isEqualTo(403);
        assertThat(everythingReceived()).isEmpty();
    }

    @Test
    void shouldReuseTheServiceTokenAndCacheTheDirectoryAnswer() {
        Viewer viewer = Viewer.of(Group.VIP);
        String premium = token("concert", ViewerTier.VIP, Duration.ofMinutes(5), viewer);
        gateway.send("GET", "/hls/t/" + premium + "/concert/master.m3u8", viewer.accessToken());
        int lookups = PLAYBACK_DIRECTORY.lookups();

        for (int i = 0; i < 5; i++) {
            assertThat(gateway.send("GET", "/hls/t/" + premium + "/concert/720p/s" + i + ".ts", viewer.accessToken())
                    .statusCode()).isEqualTo(200);
        }

        assertThat(PLAYBACK_DIRECTORY.tokensIssued()).isEqualTo(1);
        assertThat(PLAYBACK_DIRECTORY.lookups()).as("segments within the cache time ask nobody").isEqualTo(lookups);
    }

    @Test
    void shouldRefuseAPremiumUrlCopiedFromOneViewerToAnyoneElseAndServeItToItsViewer() {
        Viewer a = Viewer.of(Group.PREMIUM);
        String copied = "/hls/t/" + token("concert", ViewerTier.PREMIUM, Duration.ofMinutes(5), a) + "/concert/";
        List<String> files = List.of("master.m3u8", "720p/index.m3u8", "720p/segment_00042.ts");

        for (String file : files) {
            HttpResponse<String> anonymous = gateway.send("GET", copied + file, null);
            assertProblem(anonymous, 401);
            assertThat(anonymous.body()).contains("Sign in").doesNotContain(a.subject());
            for (Group group : List.of(Group.FREE, Group.PREMIUM, Group.VIP)) {
                HttpResponse<String> other = gateway.send("GET", copied + file, Viewer.of(group).accessToken());
                assertProblem(other, 403);
                assertThat(other.body()).as(group.name()).contains("another viewer").doesNotContain(a.subject());
            }
        }
        assertThat(everythingReceived()).as("no refused request reaches the engine").isEmpty();

        for (String file : files) {
            assertThat(gateway.send("GET", copied + file, a.accessToken()).statusCode()).as(file).isEqualTo(200);
        }
        assertThat(SERVICES.get("ENGINE").received()).extracting(RecordingDownstream.Received::path).containsExactly(
                "/hls/org-prem/master.m3u8", "/hls/org-prem/720p/index.m3u8", "/hls/org-prem/720p/segment_00042.ts");
        assertThat(SERVICES.get("ENGINE").received()).allSatisfy(r -> assertThat(r.authorization()).isNull());
    }

    @Test
    void shouldRefuseABoundTokenWithAForgedOrExpiredAccessTokenOfItsViewer() {
        Viewer a = Viewer.of(Group.PREMIUM);
        String url = "/hls/t/" + token("concert", ViewerTier.PREMIUM, Duration.ofMinutes(5), a) + "/concert/master.m3u8";
        String[] jwt = a.accessToken().split("\\.");
        String expiredAccess = ISSUER.token(c -> c.subject(a.subject())
                .claim(LunoraClaims.CLIENT_ID, TestIssuer.CONSUMER_CLIENT).claim(LunoraClaims.GROUPS, List.of("premium"))
                .expirationTime(java.util.Date.from(Instant.now().minusSeconds(120))));

        assertProblem(gateway.send("GET", url, jwt[0] + "." + jwt[1] + ".c2lnbmF0dXJl"), 401);
        assertProblem(gateway.send("GET", url, expiredAccess), 401);
        assertThat(everythingReceived()).isEmpty();
    }

    @Test
    void shouldRefuseAnExpiredBoundTokenEvenWithItsViewersAccessToken() {
        Viewer a = Viewer.of(Group.VIP);
        String expired = token("concert", ViewerTier.VIP, Duration.ofSeconds(-1), a);

        HttpResponse<String> playlist = gateway.send("GET", "/hls/t/" + expired + "/concert/master.m3u8", a.accessToken());

        assertProblem(playlist, 401);
        assertThat(playlist.body()).contains("expired");
        assertThat(everythingReceived()).isEmpty();
    }

    @Test
    void shouldPlayAnUnboundPublicTokenForAnyoneButNotAStreamAboveItsPublicLevel() {
        String anonymous = token("town-hall", ViewerTier.ANONYMOUS, Duration.ofMinutes(5));

        assertThat(gateway.send("GET", "/hls/t/" + anonymous + "/town-hall/master.m3u8", null).statusCode())
                .isEqualTo(200);
        assertThat(gateway.send("GET", "/hls/t/" + anonymous + "/town-hall/480p/segment_00001.ts",
                Viewer.of(Group.FREE).accessToken()).statusCode()).isEqualTo(200);
        // an unbound token whose tier would cover the level (issued while the stream was public): no longer enough
        String unboundPremium = token("raised", ViewerTier.PREMIUM, Duration.ofMinutes(5));
        HttpResponse<String> raised = gateway.send("GET", "/hls/t/" + unboundPremium + "/raised/master.m3u8",
                Viewer.of(Group.PREMIUM).accessToken());
        assertProblem(raised, 403);
        assertThat(raised.body()).contains("no longer public");
        assertThat(SERVICES.get("ENGINE").received()).extracting(RecordingDownstream.Received::path)
                .containsExactly("/hls/org-pub/master.m3u8", "/hls/org-pub/480p/segment_00001.ts");
    }

    @Test
    void shouldRefuseWritesToHls() {
        String premium = token("concert", ViewerTier.VIP, Duration.ofMinutes(5));

        assertProblem(gateway.send("POST", "/hls/t/" + premium + "/concert/master.m3u8", null, Map.of()), 405);
        assertThat(everythingReceived()).isEmpty();
    }
}
