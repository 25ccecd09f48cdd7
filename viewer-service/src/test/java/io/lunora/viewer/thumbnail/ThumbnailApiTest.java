package io.lunora.viewer.thumbnail;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.identity.Group;
import io.lunora.viewer.ServiceTest;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The live thumbnail endpoint in local mode, reading the engine's file from a real HTTP server. */
class ThumbnailApiTest extends ServiceTest {

    @Test
    void shouldServeTheEnginesPictureOfALiveStreamToAnonymousViewersWithAShortCacheLifetime() throws IOException {
        String id = liveStream("premium", "music", "Live with picture");
        byte[] picture = jpeg(Color.BLUE);
        ENGINE.put("/hls/" + id + "/thumbnail.jpg", picture);

        HttpResponse<byte[]> response = getBytes("/api/streams/" + id + "/thumbnail", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("max-age=10, private");
        assertThat(response.body()).isEqualTo(picture);
        assertThat(ImageIO.read(new ByteArrayInputStream(response.body())).getWidth()).isEqualTo(640);
    }

    @Test
    void shouldAskTheEngineOncePerIntervalWhateverTheNumberOfViewers() throws IOException {
        String id = liveStream("public", "news", "Busy stream");
        String file = "/hls/" + id + "/thumbnail.jpg";
        ENGINE.put(file, jpeg(Color.RED));
        for (int i = 0; i < 5; i++) {
            assertThat(getBytes("/api/streams/" + id + "/thumbnail", null).statusCode()).isEqualTo(200);
        }
        assertThat(ENGINE.requests(file)).isEqualTo(1);

        byte[] newer = jpeg(Color.GREEN);
        ENGINE.put(file, newer);
        clock.advance(Duration.ofSeconds(10));

        assertThat(getBytes("/api/streams/" + id + "/thumbnail", null).body()).isEqualTo(newer);
        assertThat(ENGINE.requests(file)).isEqualTo(2);
    }

    @Test
    void shouldNeverShowThePreviousSessionsPictureWhenTheStreamGoesLiveAgain() throws IOException {
        String id = liveStream("public", "news", "Twice live");
        String file = "/hls/" + id + "/thumbnail.jpg";
        ENGINE.put(file, jpeg(Color.ORANGE));
        assertThat(getBytes("/api/streams/" + id + "/thumbnail", null).statusCode()).isEqualTo(200);
        assertThat(post("/internal/catalog/sessions", streamingControlToken(),
                "{\"stream_id\":\"%s\",\"is_live\":false}".formatted(id)).statusCode()).isEqualTo(204);

        byte[] second = jpeg(Color.MAGENTA);
        ENGINE.put(file, second);
        assertThat(post("/internal/catalog/sessions", streamingControlToken(), """
                {"stream_id":"%s","session_id":"second","is_live":true,"hls_url":"/hls/%s/index.m3u8",
                 "started_at":"%s"}""".formatted(id, id, clock.instant())).statusCode()).isEqualTo(204);

        assertThat(getBytes("/api/streams/" + id + "/thumbnail", null).body()).isEqualTo(second);
    }

    @Test
    void shouldAnswerNotFoundForUnknownEndedHiddenOrPictureLessStreamsAndABadIdByField() throws IOException {
        assertProblem(get("/api/streams/no-such-stream/thumbnail", null), 404, null);

        String withoutPictureYet = liveStream("public", "sports", "Just started");
        assertProblem(get("/api/streams/" + withoutPictureYet + "/thumbnail", null), 404, null);

        String ended = liveStream("public", "sports", "Over now");
        ENGINE.put("/hls/" + ended + "/thumbnail.jpg", jpeg(Color.BLACK));
        assertThat(post("/internal/catalog/sessions", streamingControlToken(),
                "{\"stream_id\":\"%s\",\"is_live\":false}".formatted(ended)).statusCode()).isEqualTo(204);
        assertProblem(get("/api/streams/" + ended + "/thumbnail", null), 404, null);

        String horror = liveStream("public", "horror", "Scary picture");
        ENGINE.put("/hls/" + horror + "/thumbnail.jpg", jpeg(Color.DARK_GRAY));
        String kid = viewer(unique("kid"), Group.FREE);
        assertThat(get("/api/viewers/profile", kid).statusCode()).isEqualTo(200);
        assertThat(put("/api/viewers/profile", kid, """
                {"display_name":"Kid","region":"US",
                 "viewing_preferences":{"default_quality":"auto","language":"en","autoplay":true,"notifications":false,"profile_visibility":"private","save_history":true},
                 "parental_controls":{"enabled":true,"blocked_categories":["horror"],"hide_mature":true}}""").statusCode()).isEqualTo(200);
        assertProblem(get("/api/streams/" + horror + "/thumbnail", kid), 404, null);
        assertThat(getBytes("/api/streams/" + horror + "/thumbnail", null).statusCode()).isEqualTo(200);

        assertProblem(get("/api/streams/bad%20id!/thumbnail", null), 400, "stream_id");
    }

    @Test
    void shouldPointTheCatalogAtTheLiveThumbnailUnlessAnAdminSetAPicture() {
        String live = liveStream("public", "music", "No admin picture");
        JsonNode entry = body(get("/api/streams/" + live, null));
        assertThat(entry.path("thumbnail_url").asString()).isEqualTo("/api/streams/" + live + "/thumbnail");

        assertThat(post("/internal/catalog/sessions", streamingControlToken(),
                "{\"stream_id\":\"%s\",\"is_live\":false}".formatted(live)).statusCode()).isEqualTo(204);
        assertThat(body(get("/api/streams/" + live, null)).path("thumbnail_url").isNull()).isTrue();

        String curated = liveStream("public", "music", "Admin picture");
        JsonNode admin = body(get("/api/viewer-admin/catalog", admin())).valueStream()
                .filter(e -> e.path("stream_id").asString().equals(curated)).findFirst().orElseThrow();
        assertThat(put("/api/viewer-admin/catalog/" + curated, admin(), """
                {"title":"Admin picture","category":"music","access_level":"public",
                 "thumbnail_url":"https://img.example.com/poster.jpg","version":%d}"""
                .formatted(admin.path("version").asLong())).statusCode()).isEqualTo(200);
        assertThat(body(get("/api/streams/" + curated, null)).path("thumbnail_url").asString())
                .isEqualTo("https://img.example.com/poster.jpg");
    }

    private HttpResponse<byte[]> getBytes(String path, String token) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(request(path, token).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] jpeg(Color color) throws IOException {
        BufferedImage image = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 640, 360);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
