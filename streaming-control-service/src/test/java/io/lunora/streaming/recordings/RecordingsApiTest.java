package io.lunora.streaming.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.identity.Group;
import io.lunora.streaming.sessions.OutputState;
import io.lunora.streaming.sessions.SessionStatus;
import io.lunora.streaming.sessions.SessionStore;
import io.lunora.streaming.sessions.StreamSession;
import io.lunora.streaming.testing.PeerStandIns;
import io.lunora.testing.RecordingHttpEndpoint.Recorded;
import io.lunora.testing.RecordingHttpEndpoint.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/recordings} with the sessions' rules: an operator sees, downloads and deletes the
 * recordings of their own sessions, an admin every one of the organization, another
 * organization's is not found; an id that could name a path is refused at its field; a recording
 * still written cannot be deleted. Real signed tokens and DynamoDB Local; the engine's recordings
 * API is a recorded endpoint on loopback answering as media-engine's RecordingController does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecordingsApiTest {
    /** The engine's recordings: organization to session to whether the engine writes it now. */
    static final Map<String, Map<String, Boolean>> engineRecordings = new ConcurrentHashMap<>();
    static final String CONTENT = "G".repeat(188 * 3);

    @RegisterExtension
    static final PeerStandIns standIns = new PeerStandIns(RecordingsApiTest::engine);
    static final HttpClient http = HttpClient.newHttpClient();
    static final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    SessionStore store;

    final String org = "org-rec-" + UUID.randomUUID().toString().substring(0, 8);
    final String otherOrg = "org-other-" + UUID.randomUUID().toString().substring(0, 8);
    final String otto = standIns.issuer().userToken("otto", org, Group.OPERATORS);
    final String olga = standIns.issuer().userToken("olga", org, Group.OPERATORS);
    final String ada = standIns.issuer().userToken("ada", org, Group.ADMINS);
    final String otherAdmin = standIns.issuer().userToken("ole", otherOrg, Group.ADMINS);
    final String viewer = standIns.issuer().userToken("vic", org, Group.PREMIUM);
    final String ottos = "s-otto-" + UUID.randomUUID().toString().substring(0, 8);
    final String olgas = "s-olga-" + UUID.randomUUID().toString().substring(0, 8);
    final String live = "s-live-" + UUID.randomUUID().toString().substring(0, 8);

    static Reply engine(Recorded r) {
        String path = r.path();
        String prefix = "/internal/engine/recordings/";
        if (!path.startsWith(prefix)) {
            return path.startsWith("/internal/engine/events") ? new Reply(200, "text/event-stream", "")
                    : new Reply(200, "application/json", "{}");
        }
        String[] parts = path.substring(prefix.length()).split("/");
        Map<String, Boolean> recordings = engineRecordings.getOrDefault(parts[0], Map.of());
        if (parts.length == 1) {
            StringBuilder list = new StringBuilder("[");
            recordings.forEach((session, writing) -> list.append(list.length() > 1 ? "," : "").append("""
                    {"session_id":"%s","bytes":%d,"files":2,"first_written_at":"2026-12-01T10:00:00Z",\
                    "last_written_at":"2026-12-01T10:30:00Z","writing":%s}""".formatted(session, CONTENT.length(),
                    writing)));
            return new Reply(200, "application/json", list.append("]").toString());
        }
        Boolean writing = recordings.get(parts[1]);
        if (writing == null) {
            return new Reply(404, "application/problem+json", "{\"status\":404}");
        }
        if (r.method().equals("DELETE")) {
            if (writing) {
                return new Reply(409, "application/problem+json", "{\"status\":409}");
            }
            recordings.remove(parts[1]);
            return new Reply(204, "application/json", "");
        }
        return new Reply(200, "video/mp2t", CONTENT);
    }

    @BeforeEach
    void recordings() {
        session(ottos, "user-otto", "otto", false);
        session(olgas, "user-olga", "olga", false);
        session(live, "user-otto", "otto", true);
        Map<String, Boolean> recordings = new ConcurrentHashMap<>();
        recordings.put(ottos, false);
        recordings.put(olgas, false);
        recordings.put(live, true);
        engineRecordings.put(org, recordings);
        engineRecordings.put(otherOrg, new ConcurrentHashMap<>(Map.of("s-theirs", false)));
    }

    /** No open session is left behind: other classes' restarted applications reconcile every open one. */
    @AfterEach
    void endTheLiveSession() {
        store.findOpen(org).ifPresent(s -> store.close(store.save(s.withStatus(SessionStatus.STOPPED, Instant.now()))));
    }

    @Test
    void shouldListTheOperatorsOwnRecordingsAndEveryOneToAnAdmin() throws Exception {
        JsonNode ottoSees = body(get(otto, "/api/recordings"));
        assertThat(ottoSees.valueStream().map(r -> r.path("id").asString())).containsExactlyInAnyOrder(ottos, live);
        JsonNode recording = ottoSees.valueStream().filter(r -> r.path("id").asString().equals(live)).findFirst()
                .orElseThrow();
        assertThat(recording.path("state").asString()).isEqualTo("recording");
        assertThat(recording.path("bytes").asLong()).isEqualTo(CONTENT.length());
        assertThat(recording.path("started_by").asString()).isEqualTo("otto");
        JsonNode done = ottoSees.valueStream().filter(r -> r.path("id").asString().equals(ottos)).findFirst()
                .orElseThrow();
        assertThat(done.path("state").asString()).isEqualTo("complete");
        assertThat(done.path("ended_at").asString()).isNotBlank();
        assertThat(done.path("duration_seconds").asLong()).isEqualTo(1800);

        assertThat(body(get(ada, "/api/recordings")).valueStream().map(r -> r.path("id").asString()))
                .containsExactlyInAnyOrder(ottos, olgas, live);
        assertThat(body(get(otherAdmin, "/api/recordings")).valueStream().map(r -> r.path("id").asString()))
                .as("another organization sees only its own").containsExactly("s-theirs");
        assertThat(get(viewer, "/api/recordings").statusCode()).isEqualTo(403);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base() + "/api/recordings")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldStreamTheRecordingAsAnAttachment() throws Exception {
        HttpResponse<String> file = get(otto, "/api/recordings/" + ottos + "/file");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("video/mp2t");
        assertThat(file.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"lunora-recording-" + ottos + ".ts\"");
        assertThat(file.headers().firstValueAsLong("Content-Length")).hasValue(CONTENT.length());
        assertThat(file.body()).isEqualTo(CONTENT);
        assertThat(get(ada, "/api/recordings/" + olgas + "/file").body()).isEqualTo(CONTENT);
    }

    @Test
    void shouldAnswerAnotherOrganizationsOrAnotherOperatorsRecordingAsNotFound() throws Exception {
        HttpResponse<String> foreign = get(otherAdmin, "/api/recordings/" + ottos + "/file");
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(delete(otherAdmin, "/api/recordings/" + ottos).statusCode()).isEqualTo(404);
        assertThat(get(ada, "/api/recordings/s-theirs/file").statusCode()).isEqualTo(404);
        HttpResponse<String> others = get(olga, "/api/recordings/" + ottos + "/file");
        assertThat(others.statusCode()).isEqualTo(404);
        assertThat(others.body()).as("another's recording reads like one that does not exist")
                .isEqualTo(get(olga, "/api/recordings/s-unknown/file").body().replace("s-unknown", ottos));
        assertThat(delete(olga, "/api/recordings/" + ottos).statusCode()).isEqualTo(404);
        assertThat(engineRecordings.get(org)).containsKey(ottos);
        assertThat(standIns.peers().requests()).noneMatch(r -> r.method().equals("DELETE"));
    }

    @Test
    void shouldRefuseAnIdThatCouldNameAPathAtItsField() throws Exception {
        for (String id : List.of("...", "s..x", "a.b")) {
            HttpResponse<String> refused = get(ada, "/api/recordings/" + id + "/file");
            assertThat(refused.statusCode()).as(id).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(body(refused).path("errors").get(0).path("field").asString()).isEqualTo("id");
            assertThat(delete(ada, "/api/recordings/" + id).statusCode()).isEqualTo(400);
        }
        assertThat(get(ada, "/api/recordings/%2E%2E/file").statusCode()).as("an encoded '..'").isEqualTo(400);
        assertThat(standIns.peers().requests()).noneMatch(r -> r.path().contains("..") || r.path().contains("a.b"));
    }

    @Test
    void shouldRefuseToDeleteARecordingStillWrittenAndDeleteAFinishedOne() throws Exception {
        HttpResponse<String> refused = delete(ada, "/api/recordings/" + live);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(engineRecordings.get(org)).containsKey(live);

        assertThat(delete(otto, "/api/recordings/" + ottos).statusCode()).isEqualTo(204);
        assertThat(engineRecordings.get(org)).doesNotContainKey(ottos);
        assertThat(body(get(otto, "/api/recordings")).valueStream().map(r -> r.path("id").asString()))
                .containsExactly(live);
        assertThat(delete(ada, "/api/recordings/" + olgas).statusCode()).as("an admin deletes any").isEqualTo(204);
        assertThat(delete(ada, "/api/recordings/" + olgas).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldRefuseToDeleteWhatTheEngineStillWritesEvenWhenTheSessionLooksEnded() throws Exception {
        engineRecordings.get(org).put(ottos, true);
        assertThat(delete(ada, "/api/recordings/" + ottos).statusCode()).isEqualTo(409);
        assertThat(engineRecordings.get(org)).containsKey(ottos);
    }

    private void session(String id, String userId, String username, boolean open) {
        Instant start = Instant.parse("2026-12-01T10:00:00Z");
        StreamSession opened = store.open(new StreamSession(org, id, username, userId, start, null,
                SessionStatus.ACTIVE, new StreamSession.SourceSnapshot("single", 1, "Videon A", null, "primary"),
                List.of(new StreamSession.Destination("d-" + id, "d", "custom", "p-small", OutputState.LIVE, true,
                        start, null, 1_000, 0, null)), null, List.of(), List.of(), true, null, null, null));
        if (!open) {
            store.close(store.save(opened.withStatus(SessionStatus.STOPPED, start.plusSeconds(1800))));
        }
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private static JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    private HttpResponse<String> get(String token, String path) throws Exception {
        return http.send(request(token, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> delete(String token, String path) throws Exception {
        return http.send(request(token, path).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String token, String path) {
        return HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + token);
    }
}
