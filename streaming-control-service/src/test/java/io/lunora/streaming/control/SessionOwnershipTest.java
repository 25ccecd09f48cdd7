package io.lunora.streaming.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.model.identity.Group;
import io.lunora.streaming.sessions.OutputState;
import io.lunora.streaming.sessions.SessionStatus;
import io.lunora.streaming.sessions.SessionStore;
import io.lunora.streaming.sessions.StreamSession;
import io.lunora.streaming.testing.EngineAnswers;
import io.lunora.streaming.testing.PeerStandIns;
import io.lunora.testing.RecordingHttpEndpoint.Recorded;
import io.lunora.testing.RecordingHttpEndpoint.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sessions belong to who started them: a second operator of the organization neither sees nor
 * stops the first one's session, and cannot start with destinations they do not own; an admin
 * sees and stops it. Real signed tokens, DynamoDB Local; destination, preset, source and engine
 * are recorded endpoints on loopback, the destinations carrying their owner as destination-service
 * answers them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionOwnershipTest {
    @RegisterExtension
    static final PeerStandIns standIns = new PeerStandIns(SessionOwnershipTest::peer);
    static final HttpClient http = HttpClient.newHttpClient();
    static final JsonMapper json = JsonMapper.builder().build();
    /** Organizations whose channel the engine runs now. */
    static final Set<String> running = ConcurrentHashMap.newKeySet();

    @LocalServerPort
    int port;
    @Autowired
    SessionStore store;

    final String org = "org-own-" + UUID.randomUUID().toString().substring(0, 8);
    final String otto = standIns.issuer().userToken("otto", org, Group.OPERATORS);
    final String olga = standIns.issuer().userToken("olga", org, Group.OPERATORS);
    final String ada = standIns.issuer().userToken("ada", org, Group.ADMINS);

    /** Otto owns d-otto, Olga d-olga; d-legacy was made before owners were recorded. All three auto-start. */
    static Reply peer(Recorded r) {
        String path = r.path();
        if (path.startsWith("/internal/destinations/auto-start")) {
            return StreamingApiTest.json("[" + target("d-otto", "user-otto") + "," + target("d-olga", "user-olga")
                    + "," + target("d-legacy", null) + "]");
        }
        for (String[] d : new String[][] {{"d-otto", "user-otto"}, {"d-olga", "user-olga"}, {"d-legacy", null}}) {
            if (path.startsWith("/internal/destinations/" + d[0] + "/target")) {
                return StreamingApiTest.json(target(d[0], d[1]));
            }
        }
        if (path.startsWith("/internal/engine/channels/")) {
            String channelOrg = path.substring("/internal/engine/channels/".length()).split("/")[0];
            boolean channel = !path.contains("/outputs");
            if (channel && r.method().equals("PUT")) {
                running.add(channelOrg);
            } else if (channel && r.method().equals("DELETE")) {
                running.remove(channelOrg);
            } else if (channel && r.method().equals("GET")) {
                return StreamingApiTest.json(running.contains(channelOrg)
                        ? EngineAnswers.channel(true, EngineAnswers.output("d-otto", "live", 800, 1, null))
                        : EngineAnswers.channel(false));
            }
            return StreamingApiTest.json("{}");
        }
        return StreamingApiTest.peer(r);
    }

    static String target(String id, String owner) {
        return "{\"destination_id\":\"" + id + "\",\"organization_id\":\"org\",\"name\":\"" + id + "\","
                + "\"platform\":\"custom\",\"rtmp_url\":\"rtmp://203.0.113.9/live\",\"stream_key\":null,"
                + "\"preset_id\":\"p-small\",\"enabled\":true,\"auto_start\":true,\"recording_backup\":false,"
                + "\"priority\":false,\"owner_id\":" + (owner == null ? "null" : "\"" + owner + "\"") + "}";
    }

    @Test
    void shouldLetOnlyTheOwnerAndAdminsSeeAndStopASession() throws Exception {
        StringBuffer olgasEvents = listen(olga);
        HttpResponse<String> started = post(otto, "/api/streaming/start", "{}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        JsonNode session = body(started);
        String id = session.path("session_id").asString();
        assertThat(session.path("destinations").valueStream().map(d -> d.path("destination_id").asString()))
                .as("an operator's auto-start takes only their own destinations").containsExactly("d-otto");

        JsonNode olgasStatus = body(get(olga, "/api/streaming/status"));
        assertThat(olgasStatus.path("session").isNull()).as(olgasStatus.toString()).isTrue();
        assertThat(olgasStatus.path("channel").path("outputs")).as("another's outputs are not shown").isEmpty();
        assertThat(body(get(olga, "/api/streaming/sessions"))).isEmpty();
        assertThat(get(olga, "/api/streaming/sessions/" + id).statusCode()).isEqualTo(404);
        assertThat(get(olga, "/api/streaming/sessions/" + id + "/events").statusCode()).isEqualTo(404);
        assertThat(get(olga, "/api/streaming/sessions/s-unknown").body())
                .as("another's session reads like one that does not exist")
                .isEqualTo(get(olga, "/api/streaming/sessions/" + id).body().replace(id, "s-unknown"));
        HttpResponse<String> olgaStops = post(olga, "/api/streaming/stop", null);
        assertThat(olgaStops.statusCode()).isEqualTo(200);
        assertThat(olgaStops.body()).doesNotContain(id);
        assertThat(post(olga, "/api/streaming/destinations/d-otto/stop", null).statusCode()).isEqualTo(409);
        assertThat(post(olga, "/api/streaming/destinations/d-olga/start", null).statusCode()).isEqualTo(409);
        HttpResponse<String> olgaStarts = post(olga, "/api/streaming/start", "{\"destination_ids\":[\"d-olga\"]}");
        assertThat(olgaStarts.statusCode()).as("one open session per organization").isEqualTo(409);
        assertThat(olgaStarts.body()).doesNotContain(id);
        assertThat(standIns.peers().requests()).noneMatch(r -> r.method().equals("DELETE")
                && r.path().startsWith("/internal/engine/channels/" + org));
        assertThat(body(get(otto, "/api/streaming/status")).path("session").path("status").asString())
                .isEqualTo("active");

        assertThat(body(get(ada, "/api/streaming/status")).path("session").path("session_id").asString())
                .isEqualTo(id);
        assertThat(body(get(ada, "/api/streaming/sessions")).valueStream().map(s -> s.path("session_id").asString()))
                .containsExactly(id);
        HttpResponse<String> adaStops = post(ada, "/api/streaming/stop", null);
        assertThat(body(adaStops).path("status").asString()).isEqualTo("stopped");
        assertThat(body(get(otto, "/api/streaming/sessions/" + id)).path("status").asString()).isEqualTo("stopped");
        assertThat(olgasEvents.toString()).as("Olga's live view never got Otto's session").doesNotContain(id)
                .contains("\"status\":\"none\"");
    }

    @Test
    void shouldLetAnOperatorStartOnlyWithTheirOwnDestinations() throws Exception {
        for (String foreign : List.of("d-olga", "d-legacy")) {
            HttpResponse<String> refused = post(otto, "/api/streaming/start",
                    "{\"destination_ids\":[\"d-otto\",\"" + foreign + "\"]}");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("destination_ids", "'" + foreign + "' does not exist");
        }
        assertThat(standIns.peers().requests()).noneMatch(r -> r.path().startsWith("/internal/engine/channels/" + org));

        assertThat(post(otto, "/api/streaming/start", "{\"destination_ids\":[\"d-otto\"]}").statusCode())
                .isEqualTo(201);
        assertThat(post(otto, "/api/streaming/destinations/d-olga/start", null).statusCode()).isEqualTo(404);
        assertThat(post(otto, "/api/streaming/destinations/d-legacy/start", null).statusCode()).isEqualTo(404);
        HttpResponse<String> byAdmin = post(ada, "/api/streaming/destinations/d-legacy/start", null);
        assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(200);
        assertThat(body(post(otto, "/api/streaming/stop", null)).path("status").asString()).isEqualTo("stopped");

        HttpResponse<String> adminsOwn = post(ada, "/api/streaming/start", "{}");
        assertThat(body(adminsOwn).path("destinations").valueStream().map(d -> d.path("destination_id").asString()))
                .as("an admin may use every destination").containsExactly("d-otto", "d-olga", "d-legacy");
        assertThat(body(get(otto, "/api/streaming/status")).path("session").isNull()).isTrue();
        post(ada, "/api/streaming/stop", null);
    }

    @Test
    void shouldGiveASessionWithoutOwnerToAdminsOnly() throws Exception {
        Instant now = Instant.now();
        StreamSession legacy = store.open(new StreamSession(org, "s-legacy-" + UUID.randomUUID(), "someone", null,
                now, null, SessionStatus.ACTIVE, new StreamSession.SourceSnapshot("single", 1, "Videon A", null,
                        "primary"), List.of(new StreamSession.Destination("d-legacy", "d-legacy", "custom", "p-small",
                                OutputState.LIVE, true, now, null, 0, 0, null)), null, List.of(), List.of(), false,
                null, null, null));

        assertThat(body(get(otto, "/api/streaming/status")).path("session").isNull()).isTrue();
        assertThat(get(otto, "/api/streaming/sessions/" + legacy.sessionId()).statusCode()).isEqualTo(404);
        assertThat(body(get(ada, "/api/streaming/status")).path("session").path("session_id").asString())
                .isEqualTo(legacy.sessionId());
        assertThat(body(post(ada, "/api/streaming/stop", null)).path("status").asString()).isEqualTo("stopped");
    }

    /** The caller's live view, once it has received its first event. */
    private StringBuffer listen(String token) {
        StringBuffer received = new StringBuffer();
        http.sendAsync(request(token, "/api/streaming/events").GET().build(), HttpResponse.BodyHandlers.ofLines())
                .thenAccept(r -> r.body().forEach(received::append));
        await().atMost(Duration.ofSeconds(5)).until(() -> received.toString().contains("event:session"));
        return received;
    }

    /**
     * A range of days reads every session started in it (not the latest few), newest first; an
     * operator still sees only their own; the CSV carries the same rows, a formula-like name
     * neutralized; a bad range names its field.
     */
    @Test
    void shouldListEverySessionOfADateRangeAndExportItAsCsv() throws Exception {
        pastSession("s-20250110T100000Z-aaaa0001", "user-otto", "otto", "=HYPERLINK(\"x\")");
        pastSession("s-20250620T120000123Z-aaaa0002", "user-olga", "olga", "Olga's show");
        pastSession("s-20251231T235959Z-aaaa0003", "user-otto", "otto", "New year, eve");
        pastSession("s-20260101T000000Z-aaaa0004", "user-otto", "otto", "Next year");

        JsonNode year = body(get(ada, "/api/streaming/sessions?from=2025-01-01&to=2025-12-31"));
        assertThat(year.valueStream().map(v -> v.path("session_id").asString()).toList()).containsExactly(
                "s-20251231T235959Z-aaaa0003", "s-20250620T120000123Z-aaaa0002", "s-20250110T100000Z-aaaa0001");
        assertThat(body(get(otto, "/api/streaming/sessions?from=2025-01-01&to=2025-12-31")).valueStream()
                .map(v -> v.path("started_by").asString()).distinct().toList()).containsExactly("otto");
        assertThat(body(get(ada, "/api/streaming/sessions?from=2025-06-20&to=2025-06-20")).size()).isEqualTo(1);

        HttpResponse<String> csv = get(ada, "/api/streaming/sessions/export?from=2025-01-01&to=2025-12-31");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).contains(
                "attachment; filename=\"lunora-sessions-2025-01-01-to-2025-12-31.csv\"");
        List<String> lines = List.of(csv.body().split("\r\n"));
        assertThat(lines.getFirst()).isEqualTo(SessionsCsv.HEADER);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith("s-20251231T235959Z-aaaa0003,stopped,otto,2025-12-31T23:59:59Z,")
                .contains(",\"New year, eve\",custom,");
        assertThat(lines.get(3)).as("a formula is text").contains(",\"'=HYPERLINK(\"\"x\"\")\",");

        HttpResponse<String> backwards = get(ada, "/api/streaming/sessions?from=2025-02-01&to=2025-01-01");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(body(backwards).path("errors").get(0).path("field").asString()).isEqualTo("from");
        assertThat(body(get(ada, "/api/streaming/sessions?from=2020-01-01&to=2025-01-01")).path("errors").get(0)
                .path("field").asString()).isEqualTo("to");
        HttpResponse<String> notADate = get(ada, "/api/streaming/sessions?from=yesterday");
        assertThat(notADate.statusCode()).isEqualTo(400);
        assertThat(notADate.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(body(notADate).path("errors").get(0).path("field").asString()).isEqualTo("from");
    }

    private void pastSession(String id, String userId, String username, String destinationName) {
        Instant start = Instant.parse(id.substring(2, 6) + "-" + id.substring(6, 8) + "-" + id.substring(8, 10) + "T"
                + id.substring(11, 13) + ":" + id.substring(13, 15) + ":" + id.substring(15, 17) + "Z");
        StreamSession open = store.open(new StreamSession(org, id, username, userId, start, null, SessionStatus.ACTIVE,
                new StreamSession.SourceSnapshot("single", 1, "Videon A", null, "primary"),
                List.of(new StreamSession.Destination("d-" + id, destinationName, "custom", "p-small", OutputState.LIVE,
                        true, start, null, 1_000, 0, null)), null, List.of(), List.of(), false, null, null, null));
        StreamSession stopped = store.save(open.withStatus(SessionStatus.STOPPED, start.plusSeconds(600)));
        store.close(stopped);
    }

    private static JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    private HttpResponse<String> post(String token, String path, String body) throws Exception {
        return http.send(request(token, path).header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String token, String path) throws Exception {
        return http.send(request(token, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String token, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token);
    }
}
