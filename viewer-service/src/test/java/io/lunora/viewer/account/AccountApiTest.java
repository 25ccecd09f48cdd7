package io.lunora.viewer.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.identity.Group;
import io.lunora.viewer.ServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AccountApiTest extends ServiceTest {
    static final String VALID_PROFILE = """
            {"display_name":"Jo Viewer","region":"DE",
             "viewing_preferences":{"default_quality":"high","language":"de","autoplay":false,"notifications":true,"profile_visibility":"private","save_history":true},
             "parental_controls":{"enabled":false,"blocked_categories":[],"hide_mature":false}}""";

    @Test
    void shouldCreateDefaultsAndUpdateTheOwnProfile() {
        String name = unique("jo");
        String token = viewer(name, Group.FREE);
        JsonNode profile = body(get("/api/viewers/profile", token));
        assertThat(profile.path("viewer_id").asString()).isEqualTo(viewerId(name));
        assertThat(profile.path("viewing_preferences").path("default_quality").asString()).isEqualTo("auto");
        assertThat(profile.path("subscription_type").asString()).isEqualTo("free");
        assertThat(profile.path("payment_provider").asString()).isEqualTo("local-test");

        var updated = put("/api/viewers/profile", token, VALID_PROFILE);
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(body(get("/api/viewers/profile", token)).path("display_name").asString()).isEqualTo("Jo Viewer");
    }

    @Test
    void shouldRejectInvalidProfilesWithoutStoringAnything() {
        String token = viewer(unique("bad"), Group.FREE);
        get("/api/viewers/profile", token);
        assertProblem(put("/api/viewers/profile", token, VALID_PROFILE.replace("\"DE\"", "\"Germany\"")), 400, "region");
        assertProblem(put("/api/viewers/profile", token, VALID_PROFILE.replace("\"high\"", "\"8k\"")), 400, "viewing_preferences.default_quality");
        assertProblem(put("/api/viewers/profile", token, VALID_PROFILE.replace("Jo Viewer", "<b>Jo</b>")), 400, "display_name");
        assertProblem(put("/api/viewers/profile", token, VALID_PROFILE.replace("\"blocked_categories\":[]", "\"blocked_categories\":[\"DROP TABLE\"]")),
                400, null);
        assertThat(body(get("/api/viewers/profile", token)).path("region").asString()).isEqualTo("unknown");
    }

    @Test
    void shouldExportAndThenDeleteTheViewersDataSayingWhatIsKept() {
        String stream = liveStream("public", "music", "Export me");
        String name = unique("leaver");
        String token = viewer(name, Group.FREE);
        String session = body(post("/api/viewing/start", token, "{\"stream_id\":\"%s\",\"device_type\":\"web\"}".formatted(stream)))
                .path("viewing_session_id").asString();
        post("/api/viewing/end", token, "{\"viewing_session_id\":\"%s\",\"duration_watched\":60,\"exit_reason\":\"completed\"}".formatted(session));
        post("/api/social/like", token, "{\"stream_id\":\"%s\"}".formatted(stream));
        post("/api/social/comment", token, "{\"stream_id\":\"%s\",\"text\":\"bye\"}".formatted(stream));
        post("/api/social/report", token, "{\"stream_id\":\"%s\",\"report_type\":\"spam\"}".formatted(stream));
        post("/api/viewers/subscribe", token, "{\"plan\":\"premium\",\"payment_method_id\":\"pm_test_visa\"}");

        var export = get("/api/viewers/export", token);
        assertThat(export.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("attachment"));
        JsonNode data = body(export);
        assertThat(data.path("viewing_history").size()).isEqualTo(1);
        assertThat(data.path("messages").size()).isEqualTo(1);
        assertThat(data.path("subscriptions").size()).isEqualTo(1);
        assertThat(data.path("reports_filed").size()).isEqualTo(1);
        assertThat(data.path("analytics").size()).isEqualTo(1);

        JsonNode receipt = body(delete("/api/viewers/account", token));
        assertThat(receipt.path("deleted").path("viewing_sessions").asInt()).isEqualTo(1);
        assertThat(receipt.path("deleted").path("chat_messages_and_comments").asInt()).isEqualTo(1);
        assertThat(receipt.path("kept").valueStream().map(k -> k.path("what").asString()))
                .contains("subscription billing records", "moderation reports you filed");
        assertThat(receipt.path("kept").get(0).path("why").asString()).contains("deleted-viewer-").doesNotContain(viewerId(name));

        assertThat(body(get("/api/streams/" + stream, null)).path("like_count").asLong()).isZero();
        assertThat(body(get("/api/social/comments/" + stream, viewer(unique("x"), Group.FREE))).size()).isZero();
        JsonNode after = body(get("/api/viewers/export", token));
        assertThat(after.path("viewing_history").size()).isZero();
        assertThat(after.path("subscriptions").size()).isZero();
        assertThat(after.path("reports_filed").size()).isZero();
        assertThat(after.path("profile").path("subscription_type").asString()).isEqualTo("free");
    }
}
