package io.lunora.viewer.viewing;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.identity.Group;
import io.lunora.model.viewer.AccessLevel;
import io.lunora.model.viewer.PlaybackTokens;
import io.lunora.model.viewer.PlaybackTokens.Outcome;
import io.lunora.viewer.ServiceTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ViewingApiTest extends ServiceTest {
    final PlaybackTokens verifier = new PlaybackTokens(PLAYBACK_SECRET);
    final Map<String, String> streams = new LinkedHashMap<>();

    @BeforeEach
    void oneLiveStreamPerAccessLevel() {
        for (String level : new String[] {"public", "premium", "vip"}) {
            streams.put(level, liveStream(level, "talk", level + " talk"));
        }
    }

    HttpResponse<String> start(String token, String streamId) {
        return post("/api/viewing/start", token, "{\"stream_id\":\"%s\",\"device_type\":\"web\",\"quality\":\"ultra\"}".formatted(streamId));
    }

    @Test
    void shouldGrantEachTierExactlyTheAccessLevelsItCovers() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("free", unique("f"));
        names.put("premium", unique("p"));
        names.put("vip", unique("v"));
        names.put("admin", unique("a"));
        Map<String, Group> groups = Map.of("free", Group.FREE, "premium", Group.PREMIUM, "vip", Group.VIP,
                "admin", Group.CONSUMER_ADMINS);
        Map<String, String> tiers = new LinkedHashMap<>();
        tiers.put("anonymous", null);
        names.forEach((tier, name) -> tiers.put(tier, viewer(name, groups.get(tier))));
        Map<String, String> expected = Map.of(
                "anonymous", "public", "free", "public", "premium", "public premium", "vip", "public premium vip",
                "admin", "public premium vip");
        Map<String, String> quality = Map.of("anonymous", "standard", "free", "standard", "premium", "high",
                "vip", "ultra", "admin", "ultra");

        tiers.forEach((tier, token) -> streams.forEach((level, streamId) -> {
            HttpResponse<String> response = start(token, streamId);
            if (expected.get(tier).contains(level)) {
                assertThat(response.statusCode()).as(tier + " watching " + level + ": " + response.body()).isEqualTo(200);
                JsonNode playback = body(response);
                assertThat(playback.path("tier").asString()).isEqualTo(tier);
                assertThat(playback.path("quality_level").asString()).as("ultra requested, capped by tier").isEqualTo(quality.get(tier));
                assertThat(playback.path("playback_url").asString()).isEqualTo("/hls/t/"
                        + playback.path("playback_token").asString() + "/" + streamId + "/index.m3u8");
                String viewer = token == null ? null : viewerId(names.get(tier));
                var verification = verifier.verify(playback.path("playback_token").asString(), streamId,
                        AccessLevel.fromWireValue(level).orElseThrow(), viewer, Instant.now());
                assertThat(verification.outcome()).isEqualTo(Outcome.VALID);
                assertThat(verification.grant().orElseThrow().viewer()).as(tier + " watching " + level + ": bound to")
                        .isEqualTo(level.equals("public") ? null : viewer);
                assertThat(playback.path("viewing_session_id").isNull()).isEqualTo(token == null);
            } else {
                assertProblem(response, 403, null);
            }
        }));
    }

    @Test
    void shouldIssueTokensThatTheVerifierRefusesForOtherStreamsHigherLevelsExpiryAndTampering() {
        JsonNode playback = body(start(viewer(unique("f"), Group.FREE), streams.get("public")));
        String token = playback.path("playback_token").asString();
        Instant expires = Instant.parse(playback.path("expires_at").asString());
        assertThat(Duration.between(Instant.now(), expires)).isBetween(Duration.ofMinutes(9), Duration.ofMinutes(11));

        assertThat(verifier.verify(token, streams.get("premium"), AccessLevel.PREMIUM, null, Instant.now()).outcome())
                .isEqualTo(Outcome.WRONG_STREAM);
        assertThat(verifier.verify(token, streams.get("public"), AccessLevel.PREMIUM, null, Instant.now()).outcome())
                .as("the stream was raised to premium after the token was issued").isEqualTo(Outcome.TIER_TOO_LOW);
        assertThat(verifier.verify(token, streams.get("public"), AccessLevel.PUBLIC, null, expires).outcome())
                .isEqualTo(Outcome.EXPIRED);
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        assertThat(verifier.verify(tampered, streams.get("public"), AccessLevel.PUBLIC, null, Instant.now()).outcome())
                .isIn(Outcome.BAD_SIGNATURE, Outcome.MALFORMED);
    }

    @Test
    void shouldFollowProgressEndAndHistoryOfOwnSessionsOnly() {
        String name = unique("watcher");
        String token = viewer(name, Group.PREMIUM);
        String streamId = streams.get("premium");
        JsonNode started = body(start(token, streamId));
        String session = started.path("viewing_session_id").asString();
        assertThat(body(get("/api/streams/" + streamId, null)).path("viewer_count").asLong()).isEqualTo(1);

        HttpResponse<String> progress = put("/api/viewing/progress", token,
                "{\"viewing_session_id\":\"%s\",\"duration_watched\":120,\"quality\":\"standard\"}".formatted(session));
        assertThat(progress.statusCode()).as(progress.body()).isEqualTo(200);
        String renewed = body(progress).path("playback_token").asString();
        assertThat(verifier.verify(renewed, streamId, AccessLevel.PREMIUM, viewerId(name), Instant.now()).outcome())
                .as("the renewed token stays bound to its viewer").isEqualTo(Outcome.VALID);
        assertThat(verifier.verify(renewed, streamId, AccessLevel.PREMIUM, viewerId(unique("other")), Instant.now())
                .outcome()).isEqualTo(Outcome.WRONG_VIEWER);
        assertThat(body(progress).path("quality_level").asString()).isEqualTo("standard");

        String other = viewer(unique("other"), Group.VIP);
        String progressBody = "{\"viewing_session_id\":\"%s\",\"duration_watched\":1}".formatted(session);
        assertProblem(put("/api/viewing/progress", other, progressBody), 404, null);
        assertProblem(post("/api/viewing/end", other, "{\"viewing_session_id\":\"%s\",\"exit_reason\":\"completed\"}".formatted(session)), 404, null);

        HttpResponse<String> ended = post("/api/viewing/end", token,
                "{\"viewing_session_id\":\"%s\",\"duration_watched\":360,\"exit_reason\":\"user_exit\"}".formatted(session));
        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
        assertThat(body(ended).path("engagement_score").asLong()).isEqualTo(10);
        assertProblem(put("/api/viewing/progress", token, progressBody), 409, null);
        assertThat(body(get("/api/streams/" + streamId, null)).path("viewer_count").asLong()).isZero();

        JsonNode history = body(get("/api/viewing/history", token));
        assertThat(history.size()).isEqualTo(1);
        assertThat(history.get(0).path("stream_id").asString()).isEqualTo(streamId);
        assertThat(history.get(0).path("title").asString()).isEqualTo("premium talk");
        assertThat(history.get(0).path("duration_watched").asLong()).isEqualTo(360);
        assertThat(body(get("/api/viewing/history", other)).size()).isZero();
    }

    @Test
    void shouldRejectBadViewingInputWithoutStoringAnything() {
        String token = viewer(unique("bad"), Group.FREE);
        assertProblem(post("/api/viewing/start", token, "{\"stream_id\":\"%s\",\"device_type\":\"toaster\"}".formatted(streams.get("public"))), 400, "device_type");
        assertProblem(post("/api/viewing/start", token, "{\"device_type\":\"web\"}"), 400, "stream_id");
        assertProblem(post("/api/viewing/start", token, "{\"stream_id\":\"nope-%s\",\"device_type\":\"web\"}".formatted(unique("x"))), 404, null);
        assertProblem(put("/api/viewing/progress", token, "{\"viewing_session_id\":\"x\",\"duration_watched\":-1}"), 400, "duration_watched");
        assertProblem(post("/api/viewing/end", token, "{\"viewing_session_id\":\"x\",\"exit_reason\":\"bored\"}"), 400, "exit_reason");
        assertProblem(post("/api/viewing/start", token, "not json"), 400, null);
        assertThat(body(get("/api/viewing/history", token)).size()).isZero();
        assertThat(body(get("/api/streams/" + streams.get("public"), null)).path("viewer_count").asLong()).isZero();
    }

    @Test
    void shouldRefuseToStartAStreamThatIsNotLive() {
        String id = unique("sched");
        post("/api/viewer-admin/catalog", admin(), """
                {"stream_id":"%s","title":"Later","category":"talk","access_level":"public","scheduled_start":"2030-01-01T10:00:00Z"}"""
                .formatted(id));
        HttpResponse<String> response = start(null, id);
        assertProblem(response, 409, null);
        assertThat(body(response).path("detail").asString()).contains("2030-01-01T10:00:00Z");
    }

    @Test
    void shouldSaveStreamsIdempotently() {
        String token = viewer(unique("saver"), Group.FREE);
        String body = "{\"stream_id\":\"%s\"}".formatted(streams.get("vip"));
        assertThat(body(post("/api/viewing/save", token, body)).path("changed").asBoolean()).isTrue();
        assertThat(body(post("/api/viewing/save", token, body)).path("changed").asBoolean()).isFalse();
        assertThat(body(get("/api/viewers/profile", token)).path("library").path("saved_streams").valueStream()
                .map(JsonNode::asString)).containsExactly(streams.get("vip"));
        assertThat(body(post("/api/viewing/save", token, "{\"stream_id\":\"%s\",\"saved\":false}".formatted(streams.get("vip"))))
                .path("changed").asBoolean()).isTrue();
        assertProblem(post("/api/viewing/save", token, "{\"stream_id\":\"no such!\"}"), 400, "stream_id");
    }

    @Test
    void shouldKeepConsumerPathsForConsumerGroups() {
        assertProblem(get("/api/viewing/history", null), 401, null);
        assertProblem(get("/api/viewing/history", issuer.userToken(unique("op"), "org-1", Group.OPERATORS)), 403, null);
    }
}
