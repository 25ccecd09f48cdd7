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
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * A destination's "Priority destination" setting (destination-service's {@code priority}) reaches
 * the engine's output request, where the engine reads it to choose what it sheds first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lunora.dynamodb.environment=prioritydest")
class PriorityDestinationRequestTest {
    @RegisterExtension
    static final PeerStandIns standIns = new PeerStandIns(PriorityDestinationRequestTest::peer);

    @LocalServerPort
    int port;

    static Reply peer(Recorded r) {
        if (r.path().startsWith("/internal/destinations/auto-start")) {
            String priority = StreamingApiTest.target("d-li", true).replace("\"priority\":false", "\"priority\":true");
            return new Reply(200, "application/json", "[" + StreamingApiTest.target("d-yt", true) + "," + priority + "]");
        }
        return StreamingApiTest.peer(r);
    }

    @Test
    void shouldSendEachDestinationsPriorityInTheEnginesOutputRequest() throws Exception {
        HttpResponse<String> started = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/streaming/start"))
                .header("Authorization", "Bearer " + standIns.issuer().userToken("otto", "org-s", Group.OPERATORS))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).isEqualTo(201);

        JsonMapper json = JsonMapper.builder().build();
        Map<String, Boolean> priorityByDestination = standIns.peers().requests().stream()
                .filter(r -> r.method().equals("PUT") && r.path().startsWith("/internal/engine/channels/org-s/outputs/"))
                .collect(Collectors.toMap(r -> r.path().substring(r.path().lastIndexOf('/') + 1),
                        r -> json.readTree(r.body()).path("priority").asBoolean(), (a, b) -> b));
        assertThat(priorityByDestination).containsExactlyInAnyOrderEntriesOf(Map.of("d-yt", false, "d-li", true));

        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/streaming/stop")).header("Authorization", "Bearer " + standIns.issuer().userToken("otto", "org-s",
                Group.OPERATORS)).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
