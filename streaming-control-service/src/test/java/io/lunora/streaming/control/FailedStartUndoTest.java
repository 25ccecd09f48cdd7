package io.lunora.streaming.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.model.identity.Group;
import io.lunora.streaming.testing.PeerStandIns;
import io.lunora.testing.RecordingHttpEndpoint.Recorded;
import io.lunora.testing.RecordingHttpEndpoint.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A session start the engine fails half-way, whose undoing the engine refuses too (5xx, then its
 * circuit breaker open): the session is recorded as failed at once, and the engine's half-started
 * session is ended as soon as the engine takes calls again. Its own context: the engine's breaker
 * is meant to open here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FailedStartUndoTest {
    @RegisterExtension
    static final PeerStandIns standIns = new PeerStandIns();
    static final AtomicBoolean engineFailing = new AtomicBoolean(true);
    static final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    StreamingControlService control;

    @Test
    void shouldRecordTheFailedStartAtOnceAndEndTheEnginesHalfStartedSessionWhenItAnswersAgain() throws Exception {
        standIns.peers().answer(FailedStartUndoTest::engine);
        String operator = standIns.issuer().userToken("otto", "org-s", Group.OPERATORS);

        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/streaming/start")).header("Authorization", "Bearer " + operator)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(started.statusCode()).isEqualTo(503);
        HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/streaming/status")).header("Authorization", "Bearer " + operator).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(status.body()).as("no open session is left behind").doesNotContain("\"status\":\"starting\"")
                .doesNotContain("\"status\":\"active\"");

        engineFailing.set(false);
        long endsBefore = standIns.peers().requests().stream().filter(FailedStartUndoTest::sessionEnd).count();
        // the engine's breaker refuses calls for its open time; the undo is retried until it gets through
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            control.retryUndoneStarts();
            return standIns.peers().requests().stream().filter(FailedStartUndoTest::sessionEnd).count() > endsBefore;
        });
        long endsAfter = standIns.peers().requests().stream().filter(FailedStartUndoTest::sessionEnd).count();
        control.retryUndoneStarts();
        assertThat(standIns.peers().requests().stream().filter(FailedStartUndoTest::sessionEnd).count())
                .as("once undone, not again").isEqualTo(endsAfter);
    }

    private static boolean sessionEnd(Recorded r) {
        return r.method().equals("DELETE") && r.path().equals("/internal/engine/channels/org-s/session");
    }

    /** Destinations, presets and sources as in {@link StreamingApiTest}; the engine takes the channel, fails the output and its undo. */
    private static Reply engine(Recorded r) {
        boolean failing = engineFailing.get();
        if (r.path().startsWith("/internal/engine/channels/org-s/outputs/") && failing) {
            return new Reply(500, "application/problem+json", "{\"status\":500}");
        }
        if (sessionEnd(r)) {
            return failing ? new Reply(500, "application/problem+json", "{\"status\":500}")
                    : new Reply(204, "application/json", "");
        }
        return StreamingApiTest.peer(r);
    }
}
