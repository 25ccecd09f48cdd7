package io.lunora.streaming.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.identity.Group;
import io.lunora.streaming.testing.PeerStandIns;
import io.lunora.testing.RecordingHttpEndpoint.Recorded;
import io.lunora.testing.RecordingHttpEndpoint.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The engine refuses a destination whose host it will not push to (its own address guard):
 * starting a session answers that 400 and its field as the engine said it, not "media unavailable".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lunora.dynamodb.environment=refusedtarget")
class EngineRefusedTargetTest {
    static final String KEY = "yt-key-refused-SECRET-4321";
    @RegisterExtension
    static final PeerStandIns standIns = new PeerStandIns(EngineRefusedTargetTest::peer);

    @LocalServerPort
    int port;

    static Reply peer(Recorded r) {
        String path = r.path();
        if (path.startsWith("/internal/destinations/auto-start")) {
            return json("[" + StreamingApiTest.target("d-yt", true).replace("a.rtmp.youtube.com", "169.254.169.254") + "]");
        }
        if (path.startsWith("/internal/engine/channels/org-s/outputs/") && r.method().equals("PUT")) {
            return new Reply(400, "application/problem+json", """
                    {"type":"about:blank","title":"Bad Request","status":400,"detail":"Invalid request content.",
                     "errors":[{"field":"target.url","message":"points at a loopback, private, link-local or metadata address"}]}""");
        }
        return StreamingApiTest.peer(r);
    }

    static Reply json(String body) {
        return new Reply(200, "application/json", body);
    }

    @Test
    void shouldAnswerTheEnginesRefusalWithItsField() throws Exception {
        HttpResponse<String> started = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/streaming/start"))
                .header("Authorization", "Bearer " + standIns.issuer().userToken("otto", "org-s", Group.OPERATORS))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(started.statusCode()).isEqualTo(400);
        assertThat(started.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = JsonMapper.builder().build().readTree(started.body());
        assertThat(problem.path("errors").findValuesAsString("field")).containsExactly("target.url");
        assertThat(started.body()).doesNotContain(KEY).doesNotContain(StreamingApiTest.KEY);
        assertThat(standIns.peers().requests()).anyMatch(r -> r.method().equals("DELETE")
                && r.path().startsWith("/internal/engine/channels/org-s"));
    }
}
