package io.lunora.viewer.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.identity.Group;
import io.lunora.viewer.ServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AnalyticsApiTest extends ServiceTest {

    void watch(String token, String stream, int seconds) {
        String session = body(post("/api/viewing/start", token, "{\"stream_id\":\"%s\",\"device_type\":\"mobile\"}".formatted(stream)))
                .path("viewing_session_id").asString();
        post("/api/viewing/end", token, "{\"viewing_session_id\":\"%s\",\"duration_watched\":%d,\"exit_reason\":\"completed\"}".formatted(session, seconds));
    }

    @Test
    void shouldRecommendFollowedCreatorsAndWatchedCategoriesFirst() {
        String category = unique("jazz").toLowerCase();
        String watched = liveStream("public", category, "Jazz one");
        String sameCategory = liveStream("public", category, "Jazz two");
        String token = viewer(unique("rec"), Group.FREE);
        watch(token, watched, 600);
        String followedStream = liveStream("public", unique("other").toLowerCase(), "Followed");
        String creator = body(get("/api/viewer-admin/catalog", admin())).valueStream()
                .filter(e -> e.path("stream_id").asString().equals(followedStream)).findFirst().orElseThrow().path("creator_id").asString();
        post("/api/social/follow", token, "{\"creator_id\":\"%s\"}".formatted(creator));

        JsonNode recommendations = body(get("/api/analytics/recommendations?limit=3", token));
        assertThat(recommendations.get(0).path("stream").path("stream_id").asString()).isEqualTo(followedStream);
        assertThat(recommendations.get(0).path("reason").asString()).isEqualTo("from a creator you follow");
        assertThat(recommendations.valueStream().map(r -> r.path("stream").path("stream_id").asString())).contains(watched, sameCategory);
    }

    @Test
    void shouldRankTrendingByRecentViewingAndReportViewerStats() {
        String hot = liveStream("public", "sport", "Hot");
        String token = viewer(unique("fan"), Group.FREE);
        for (int i = 0; i < 3; i++) {
            watch(viewer(unique("crowd"), Group.FREE), hot, 30);
        }
        watch(token, hot, 3600);
        // other tests share the catalog: check hot's count and that the list is ordered by it
        JsonNode trending = body(get("/api/analytics/trending?limit=50", token));
        assertThat(trending.valueStream().filter(t -> t.path("stream").path("stream_id").asString().equals(hot))
                .findFirst().orElseThrow().path("recent_views").asInt()).isEqualTo(4);
        assertThat(trending.valueStream().map(t -> t.path("recent_views").asInt()).toList())
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());

        assertThat(post("/api/analytics/engagement", token, "{\"stream_id\":\"%s\",\"event\":\"share\"}".formatted(hot)).statusCode()).isEqualTo(204);
        assertProblem(post("/api/analytics/engagement", token, "{\"stream_id\":\"%s\",\"event\":\"hack\"}".formatted(hot)), 400, "event");
        JsonNode stats = body(get("/api/analytics/viewer-stats?days=7", token));
        assertThat(stats.path("total_watch_time").asLong()).isEqualTo(3600);
        assertThat(stats.path("streams_watched").asLong()).isEqualTo(1);
        assertThat(stats.path("favorite_categories").get(0).asString()).isEqualTo("sport");
        assertThat(stats.path("device_usage").path("mobile").asLong()).isEqualTo(3600);
        assertThat(stats.path("engagement_metrics").path("share").asLong()).isEqualTo(1);
        assertProblem(get("/api/analytics/viewer-stats?days=0", token), 400, "days");
    }

    @Test
    void shouldGiveConsumerAdminsPlatformTotals() {
        liveStream("public", "sport", "Totals");
        JsonNode totals = body(get("/api/viewer-admin/analytics", admin()));
        assertThat(totals.path("live_streams").asLong()).isPositive();
        assertThat(totals.path("payment_provider").asString()).isEqualTo("local-test");
        assertThat(totals.has("pending_reports")).isTrue();
        assertProblem(get("/api/viewer-admin/analytics", viewer(unique("v"), Group.VIP)), 403, null);
        // the platform's figures are the platform admins', not an organization's admins'
        assertThat(get("/api/viewer-admin/analytics", issuer.userToken(unique("boss"), "default", Group.ADMINS)).statusCode()).isEqualTo(200);
        assertProblem(get("/api/viewer-admin/analytics", issuer.userToken(unique("boss"), "org-1", Group.ADMINS)), 403, null);
    }
}
