package io.lunora.viewer.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.identity.Group;
import io.lunora.viewer.ServiceTest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CatalogApiTest extends ServiceTest {

    List<String> ids(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode b = body(response);
        JsonNode items = b.has("items") ? b.path("items") : b;
        return items.valueStream().map(i -> i.has("stream") ? i.path("stream") : i)
                .map(i -> i.path("stream_id").asString()).toList();
    }

    @Test
    void shouldListLiveSessionForAnonymousViewersAndDropItWhenItEnds() {
        String id = liveStream("public", "music", "Night Jazz");

        JsonNode live = body(get("/api/streams/live?size=100", null));
        JsonNode entry = live.path("items").valueStream().filter(e -> e.path("stream_id").asString().equals(id)).findFirst().orElseThrow();
        assertThat(entry.path("is_live").asBoolean()).isTrue();
        assertThat(entry.path("can_watch").asBoolean()).isTrue();
        assertThat(entry.has("hls_url")).as("the playlist path is only handed out with a token").isFalse();

        assertThat(post("/internal/catalog/sessions", streamingControlToken(),
                "{\"stream_id\":\"%s\",\"is_live\":false}".formatted(id)).statusCode()).isEqualTo(204);

        assertThat(ids(get("/api/streams/live?size=100", null))).doesNotContain(id);
        assertThat(body(get("/api/streams/" + id, null)).path("is_live").asBoolean()).isFalse();
    }

    @Test
    void shouldTellTheGatewayWhatAStreamPlaysFromAndToServicesOnly() {
        String id = liveStream("premium", "music", "Late Show");

        HttpResponse<String> target = get("/internal/catalog/streams/" + id + "/playback", gatewayToken());

        assertThat(target.statusCode()).isEqualTo(200);
        JsonNode playback = body(target);
        assertThat(playback.path("access_level").asString()).isEqualTo("premium");
        assertThat(playback.path("hls_url").asString()).isEqualTo("/hls/" + id + "/index.m3u8");
        assertThat(playback.path("is_live").asBoolean()).isTrue();
        assertThat(get("/internal/catalog/streams/" + id + "/playback", viewer(unique("p"), Group.PREMIUM))
                .statusCode()).isEqualTo(403);
        assertProblem(get("/internal/catalog/streams/no-such-stream/playback", gatewayToken()), 404, null);
    }

    @Test
    void shouldKeepTheMediaPackageEndpointPathThatStreamsPlayFromOnAws() {
        String id = unique("s");
        String path = "/out/v1/6d8c2a0b4f9e4c7d9a1b3c5d7e9f0a1b/index.m3u8";
        assertThat(post("/internal/catalog/sessions", streamingControlToken(), """
                {"stream_id":"%s","session_id":"mp","is_live":true,"hls_url":"%s","started_at":"2026-01-01T00:00:00Z"}"""
                .formatted(id, path)).statusCode()).isEqualTo(204);

        assertThat(body(get("/internal/catalog/streams/" + id + "/playback", gatewayToken())).path("hls_url").asString())
                .isEqualTo(path);
    }

    @Test
    void shouldKeepCreatorEditsWhenTheSessionGoesLiveAgain() {
        String id = liveStream("premium", "science", "Star Talk");
        post("/internal/catalog/sessions", streamingControlToken(), "{\"stream_id\":\"%s\",\"is_live\":false}".formatted(id));
        post("/internal/catalog/sessions", streamingControlToken(), """
                {"stream_id":"%s","session_id":"again","is_live":true,"hls_url":"/hls/%s/index.m3u8",
                 "started_at":"2026-01-01T00:00:00Z","catalog":{"title":"ignored","category":"news"}}""".formatted(id, id));

        JsonNode entry = body(get("/api/streams/" + id, viewer(unique("v"), Group.FREE)));
        assertThat(entry.path("title").asString()).isEqualTo("Star Talk");
        assertThat(entry.path("category").asString()).isEqualTo("science");
        assertThat(entry.path("access_level").asString()).isEqualTo("premium");
        assertThat(entry.path("is_live").asBoolean()).isTrue();
        assertThat(entry.path("can_watch").asBoolean()).as("free viewers cannot watch premium").isFalse();
    }

    @Test
    void shouldNameDescribeAndFileANewEntryAsTheOperatorSaidWhenGoingLive() {
        String id = unique("s");
        assertThat(post("/internal/catalog/sessions", streamingControlToken(), """
                {"stream_id":"%s","session_id":"op","is_live":true,"hls_url":"/hls/%s/index.m3u8",
                 "started_at":"2026-01-01T00:00:00Z","catalog":{"title":"  Friday Night Jazz ","description":
                 "Live from the club.\\nSecond set at ten.","category":"music"}}""".formatted(id, id)).statusCode())
                .isEqualTo(204);

        JsonNode entry = body(get("/api/streams/" + id, null));
        assertThat(entry.path("title").asString()).isEqualTo("Friday Night Jazz");
        assertThat(entry.path("description").asString()).isEqualTo("Live from the club.\nSecond set at ten.");
        assertThat(entry.path("category").asString()).isEqualTo("music");
        assertThat(entry.path("is_live").asBoolean()).isTrue();
    }

    @Test
    void shouldRefuseSessionEventsWithoutInternalScopeOrWithBadInput() {
        String id = unique("s");
        String event = "{\"stream_id\":\"%s\",\"session_id\":\"x\",\"is_live\":true,\"hls_url\":\"/hls/%s/index.m3u8\",\"started_at\":\"2026-01-01T00:00:00Z\"}"
                .formatted(id, id);
        assertProblem(post("/internal/catalog/sessions", null, event), 401, null);
        assertProblem(post("/internal/catalog/sessions", admin(), event), 403, null);
        assertProblem(post("/internal/catalog/sessions", streamingControlToken(), event.replace("/hls/", "http://evil/")), 400, "hls_url");
        assertProblem(post("/internal/catalog/sessions", streamingControlToken(), event.replace("/hls/", "/out/v1/../")), 400, "hls_url");
        assertProblem(post("/internal/catalog/sessions", streamingControlToken(), event.replace(id, "bad id!")), 400, "stream_id");
        assertProblem(post("/internal/catalog/sessions", streamingControlToken(), event.replace("2026-01-01T00:00:00Z", "yesterday")), 400, "started_at");
        assertProblem(post("/internal/catalog/sessions", streamingControlToken(), "{\"stream_id\":\"%s\",\"is_live\":false}".formatted(id)), 404, null);
        assertProblem(post("/internal/catalog/sessions", streamingControlToken(), event.replace("}", ",\"catalog\":{\"category\":\"Not A Category!\"}}")), 400, "catalog.category");
        assertProblem(post("/internal/catalog/sessions", streamingControlToken(), event.replace("}", ",\"catalog\":{\"title\":\"bell\\u0007\"}}")), 400, "catalog.title");
        assertProblem(post("/internal/catalog/sessions", streamingControlToken(), event.replace("}", ",\"catalog\":{\"title\":\"" + "x".repeat(121) + "\"}}")), 400, "catalog.title");

        assertProblem(get("/api/streams/" + id, null), 404, null);
    }

    @Test
    void shouldSearchByTextCategoryTagsAccessLevelAndLiveOnlyWithPaging() {
        String tag = unique("t").toLowerCase();
        String admin = admin();
        for (int i = 0; i < 3; i++) {
            assertThat(post("/api/viewer-admin/catalog", admin, """
                    {"stream_id":"%s-%d","title":"Cooking %s %d","category":"food","tags":["%s"],"access_level":"%s"}"""
                    .formatted(tag, i, tag, i, tag, i == 2 ? "vip" : "public")).statusCode()).isEqualTo(201);
        }
        String live = liveStream("public", "food", "Live cooking " + tag);

        assertThat(ids(get("/api/streams/search?q=" + tag + "&size=100", null))).hasSize(4);
        assertThat(ids(get("/api/streams/search?tags=" + tag + "&access_level=vip", null))).containsExactly(tag + "-2");
        assertThat(ids(get("/api/streams/search?q=" + tag + "&live_only=true", null))).containsExactly(live);
        assertThat(ids(get("/api/streams/search?q=" + tag + "&category=sports", null))).isEmpty();
        JsonNode page = body(get("/api/streams/search?tags=" + tag + "&size=2&page=1", null));
        assertThat(page.path("total").asInt()).isEqualTo(3);
        assertThat(page.path("items").size()).isEqualTo(1);

        assertProblem(get("/api/streams/search?size=0", null), 400, "size");
        assertProblem(get("/api/streams/search?access_level=gold", null), 400, "access_level");
        assertProblem(get("/api/streams/search?category=%3Cscript%3E", null), 400, "category");
    }

    @Test
    void shouldShowFeaturedEntriesAndCategoryCounts() {
        String category = unique("cat").toLowerCase();
        String id = liveStream("public", category, "Featured show");
        assertThat(ids(get("/api/streams/featured?size=100", null))).doesNotContain(id);

        assertThat(put("/api/viewer-admin/catalog/" + id + "/featured", admin(), "{\"featured\":true}").statusCode()).isEqualTo(200);

        assertThat(ids(get("/api/streams/featured?size=100", null))).contains(id);
        JsonNode categories = body(get("/api/streams/categories", null));
        JsonNode mine = categories.valueStream().filter(c -> c.path("category").asString().equals(category)).findFirst().orElseThrow();
        assertThat(mine.path("stream_count").asInt()).isEqualTo(1);
        assertThat(mine.path("live_count").asInt()).isEqualTo(1);
    }

    @Test
    void shouldHideCategoriesAndMatureEntriesThatParentalControlsRestrict() {
        String name = unique("kid");
        String token = viewer(name, Group.FREE);
        String horror = liveStream("public", "horror", "Scary night");
        String cartoons = liveStream("public", "cartoons", "Cartoon hour");
        assertThat(get("/api/viewers/profile", token).statusCode()).isEqualTo(200);
        assertThat(put("/api/viewers/profile", token, """
                {"display_name":"Kid","region":"US",
                 "viewing_preferences":{"default_quality":"auto","language":"en","autoplay":true,"notifications":false,"profile_visibility":"private","save_history":true},
                 "parental_controls":{"enabled":true,"blocked_categories":["horror"],"hide_mature":true}}""").statusCode()).isEqualTo(200);

        assertThat(ids(get("/api/streams/live?size=100", token))).contains(cartoons).doesNotContain(horror);
        assertProblem(get("/api/streams/" + horror, token), 404, null);
        assertThat(ids(get("/api/streams/live?size=100", null))).contains(horror);
    }

    @Test
    void shouldEditCatalogWithOptimisticLockingAndValidation() {
        String admin = admin();
        String id = unique("edit");
        HttpResponse<String> created = post("/api/viewer-admin/catalog", admin, """
                {"stream_id":"%s","title":"Draft","category":"news","access_level":"public","scheduled_start":"2026-12-01T18:00:00Z"}"""
                .formatted(id));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(body(created).path("scheduled_start").asString()).isEqualTo("2026-12-01T18:00:00Z");
        assertProblem(post("/api/viewer-admin/catalog", admin, "{\"stream_id\":\"%s\",\"title\":\"Again\",\"category\":\"news\",\"access_level\":\"public\"}".formatted(id)), 409, null);

        String update = "{\"title\":\"Evening news\",\"category\":\"news\",\"access_level\":\"premium\",\"version\":1}";
        assertThat(put("/api/viewer-admin/catalog/" + id, admin, update).statusCode()).isEqualTo(200);
        assertProblem(put("/api/viewer-admin/catalog/" + id, admin, update.replace("Evening", "Stale")), 409, null);
        assertThat(body(get("/api/streams/" + id, null)).path("title").asString()).isEqualTo("Evening news");

        String bad = unique("bad");
        assertProblem(post("/api/viewer-admin/catalog", admin, """
                {"stream_id":"%s","title":"","category":"News!","access_level":"gold","thumbnail_url":"javascript:alert(1)"}""".formatted(bad)),
                400, "access_level");
        assertProblem(get("/api/streams/" + bad, null), 404, null);
        assertProblem(post("/api/viewer-admin/catalog", viewer(unique("v"), Group.VIP), "{}"), 403, null);
        assertProblem(post("/api/viewer-admin/catalog", null, "{}"), 401, null);

        assertThat(delete("/api/viewer-admin/catalog/" + id, admin).statusCode()).isEqualTo(204);
        assertProblem(get("/api/streams/" + id, null), 404, null);
    }

    @Test
    void shouldRefuseAnInvalidTokenEvenOnOpenPaths() {
        assertProblem(get("/api/streams/live", "not-a-token"), 401, null);
    }
}
