package io.lunora.viewer.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.model.identity.Group;
import io.lunora.viewer.ServiceTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SocialApiTest extends ServiceTest {

    String chatUrl(String streamId) {
        return "http://127.0.0.1:" + port + "/api/social/chat/" + streamId + "/events";
    }

    HttpResponse<String> chat(String token, String streamId, String text) {
        return post("/api/social/chat/" + streamId, token, json.writeValueAsString(java.util.Map.of("text", text)));
    }

    @Test
    void shouldDeliverChatToAnotherViewerWithinTwoSecondsAsEscapedText() {
        String stream = liveStream("public", "games", "Speedrun");
        String alice = viewer(unique("alice"), Group.FREE);
        String bob = viewer(unique("bob"), Group.PREMIUM);

        try (SseClient bobListens = new SseClient(chatUrl(stream), bob)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> bobListens.status() == 200);
            long sent = System.nanoTime();
            HttpResponse<String> posted = chat(alice, stream, "<script>alert('x')</script> gg");
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
            assertThat(body(posted).path("text").asString()).isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; gg");

            await().atMost(Duration.ofSeconds(2)).until(() -> bobListens.saw("gg"));
            assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(2));
            assertThat(bobListens.data.stream().filter(d -> d.contains("gg")).findFirst().orElseThrow())
                    .contains("&lt;script&gt;").doesNotContain("<script>");
        }
    }

    @Test
    void shouldHideBlockedViewersMessagesFromTheBlockerOnly() {
        String stream = liveStream("public", "games", "Blocks");
        String troll = unique("troll");
        String trollToken = viewer(troll, Group.FREE);
        String carol = viewer(unique("carol"), Group.FREE);
        String dave = viewer(unique("dave"), Group.FREE);
        assertThat(post("/api/social/block", carol, "{\"viewer_id\":\"%s\"}".formatted(viewerId(troll))).statusCode()).isEqualTo(200);

        try (SseClient carolListens = new SseClient(chatUrl(stream), carol);
                SseClient daveListens = new SseClient(chatUrl(stream), dave)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> carolListens.status() == 200 && daveListens.status() == 200);
            chat(trollToken, stream, "troll says hi");
            chat(dave, stream, "dave says hi");
            await().atMost(Duration.ofSeconds(2)).until(() -> carolListens.saw("dave says hi") && daveListens.saw("dave says hi"));
            assertThat(daveListens.saw("troll says hi")).isTrue();
            assertThat(carolListens.saw("troll says hi")).isFalse();
        }
        assertThat(post("/api/social/comment", trollToken, "{\"stream_id\":\"%s\",\"text\":\"troll comment\"}".formatted(stream)).statusCode()).isEqualTo(201);
        assertThat(body(get("/api/social/comments/" + stream, carol)).size()).isZero();
        assertThat(body(get("/api/social/comments/" + stream, dave)).size()).isEqualTo(1);
        assertProblem(post("/api/social/block", carol, "{\"viewer_id\":\"%s\"}".formatted("user-" + "x".repeat(200))), 400, "viewer_id");
    }

    @Test
    void shouldRefuseTheSixtyFirstMessageInAMinuteWithRetryAfter() {
        String stream = liveStream("public", "games", "Spam");
        String spammer = viewer(unique("spam"), Group.FREE);
        for (int i = 1; i <= 60; i++) {
            assertThat(chat(spammer, stream, "message " + i).statusCode()).isEqualTo(201);
        }
        HttpResponse<String> refused = chat(spammer, stream, "message 61");
        assertProblem(refused, 429, null);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                s -> assertThat(Integer.parseInt(s)).isBetween(1, 60));
        assertThat(chat(viewer(unique("calm"), Group.FREE), stream, "others still talk").statusCode()).isEqualTo(201);
    }

    @Test
    void shouldRejectEmptyAndOverlongMessagesWithoutStoringThem() {
        String stream = liveStream("public", "games", "Limits");
        String token = viewer(unique("long"), Group.FREE);
        assertProblem(chat(token, stream, "x".repeat(501)), 400, "text");
        assertProblem(chat(token, stream, "   "), 400, "text");
        assertProblem(post("/api/social/comment", token, "{\"stream_id\":\"%s\",\"text\":\"%s\"}".formatted(stream, "y".repeat(501))), 400, "text");
        assertThat(chat(token, stream, "x".repeat(500)).statusCode()).isEqualTo(201);
        assertThat(body(get("/api/social/comments/" + stream, token)).size()).isZero();
        assertProblem(chat(viewer(unique("free"), Group.FREE), liveStream("vip", "games", "VIP room"), "hi"), 403, null);
    }

    @Test
    void shouldCountLikesOncePerViewer() {
        String stream = liveStream("public", "music", "Likes");
        String erin = viewer(unique("erin"), Group.FREE);
        String like = "{\"stream_id\":\"%s\"}".formatted(stream);
        assertThat(body(post("/api/social/like", erin, like)).path("like_count").asLong()).isEqualTo(1);
        JsonNode again = body(post("/api/social/like", erin, like));
        assertThat(again.path("changed").asBoolean()).isFalse();
        assertThat(again.path("like_count").asLong()).isEqualTo(1);
        assertThat(body(post("/api/social/like", viewer(unique("frank"), Group.FREE), like)).path("like_count").asLong()).isEqualTo(2);
        assertThat(body(post("/api/social/like", erin, "{\"stream_id\":\"%s\",\"liked\":false}".formatted(stream)))
                .path("like_count").asLong()).isEqualTo(1);
        assertProblem(post("/api/social/like", erin, "{\"stream_id\":\"missing-%s\"}".formatted(unique("m"))), 404, null);
    }

    @Test
    void shouldFollowOnlyKnownCreatorsIdempotently() {
        String stream = liveStream("public", "cooking", "Follow me");
        String creator = "creator-cooking";
        String gina = viewer(unique("gina"), Group.FREE);
        assertThat(body(post("/api/social/follow", gina, "{\"creator_id\":\"%s\"}".formatted(creator))).path("changed").asBoolean()).isTrue();
        assertThat(body(post("/api/social/follow", gina, "{\"creator_id\":\"%s\"}".formatted(creator))).path("changed").asBoolean()).isFalse();
        assertProblem(post("/api/social/follow", gina, "{\"creator_id\":\"nobody-%s\"}".formatted(unique("n"))), 404, null);
        assertThat(body(get("/api/viewers/profile", gina)).path("library").path("followed_creators").valueStream()
                .map(JsonNode::asString)).containsExactly(creator);
        assertThat(stream).isNotBlank();
    }

    @Test
    void shouldQueueReportsAndLetAConsumerAdminRemoveTheMessageAndBanItsAuthor() {
        String stream = liveStream("public", "news", "Reports");
        String author = unique("rude");
        String authorToken = viewer(author, Group.FREE);
        String reporter = viewer(unique("reporter"), Group.FREE);
        String messageId = body(post("/api/social/comment", authorToken,
                "{\"stream_id\":\"%s\",\"text\":\"rude words\"}".formatted(stream))).path("message_id").asString();

        assertProblem(post("/api/social/report", reporter, "{\"stream_id\":\"%s\",\"report_type\":\"bad\"}".formatted(stream)), 400, "report_type");
        assertProblem(post("/api/social/report", reporter, "{\"stream_id\":\"%s\",\"report_type\":\"spam\",\"message_id\":\"nope~x\"}".formatted(stream)), 404, null);
        HttpResponse<String> filed = post("/api/social/report", reporter,
                "{\"stream_id\":\"%s\",\"report_type\":\"inappropriate\",\"description\":\"insults\",\"message_id\":\"%s\"}".formatted(stream, messageId));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        String reportId = body(filed).path("report_id").asString();

        String moderator = admin();
        assertProblem(get("/api/viewer-admin/moderation", reporter), 403, null);
        List<String> queue = body(get("/api/viewer-admin/moderation", moderator)).valueStream().map(r -> r.path("report_id").asString()).toList();
        assertThat(queue).contains(reportId);
        assertProblem(post("/api/viewer-admin/moderation/" + reportId + "/resolve", moderator, "{\"action\":\"shrug\"}"), 400, "action");

        HttpResponse<String> removed = post("/api/viewer-admin/moderation/" + reportId + "/resolve", moderator,
                "{\"action\":\"remove_content\",\"note\":\"insult\"}");
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        assertThat(body(removed).path("resolution").asString()).isEqualTo("content_removed");
        assertThat(body(get("/api/social/comments/" + stream, reporter)).size()).isZero();
        assertProblem(post("/api/viewer-admin/moderation/" + reportId + "/resolve", moderator, "{\"action\":\"dismiss\"}"), 409, null);

        String second = body(post("/api/social/report", reporter, "{\"stream_id\":\"%s\",\"report_type\":\"spam\",\"message_id\":\"%s\"}"
                .formatted(stream, body(post("/api/social/comment", authorToken, "{\"stream_id\":\"%s\",\"text\":\"again\"}".formatted(stream)))
                        .path("message_id").asString()))).path("report_id").asString();
        assertThat(post("/api/viewer-admin/moderation/" + second + "/resolve", moderator, "{\"action\":\"ban_viewer\"}").statusCode()).isEqualTo(200);
        assertProblem(post("/api/social/comment", authorToken, "{\"stream_id\":\"%s\",\"text\":\"still here?\"}".formatted(stream)), 403, null);
        assertThat(body(get("/api/viewer-admin/viewers?q=" + author, moderator)).path("items").get(0).path("disabled").asBoolean()).isTrue();
    }
}
