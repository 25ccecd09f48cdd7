package io.lunora.viewer.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.model.identity.Group;
import io.lunora.testing.DynamoDbLocal;
import io.lunora.viewer.ServiceTest;
import io.lunora.viewer.ViewerServiceApplication;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two viewer-service instances on one database, as behind the AWS load balancer: a message posted
 * on one reaches the players connected to the other.
 */
class ChatAcrossInstancesTest extends ServiceTest {
    private static ConfigurableApplicationContext second;
    private static int secondPort;

    @BeforeAll
    static void startSecondInstance() {
        second = new SpringApplicationBuilder(ViewerServiceApplication.class).run(
                "--server.port=0",
                "--server.shutdown=immediate",
                "--lunora.dynamodb.endpoint=" + DynamoDbLocal.shared().endpoint(),
                "--lunora.security.jwk-set-uri=" + issuer.jwkSetUri(),
                "--lunora.viewer.playback-secret=" + Base64.getEncoder().encodeToString(PLAYBACK_SECRET),
                "--lunora.viewer.data-dir=" + DATA_DIR,
                "--management.server.port=-1");
        secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void shouldDeliverChatPostedOnOneInstanceToPlayersOnTheOtherOnce() {
        String stream = liveStream("public", "music", "Two instances");
        String alice = viewer(unique("alice"), Group.FREE);
        String bob = viewer(unique("bob"), Group.FREE);

        try (SseClient bobOnSecond = new SseClient(
                "http://127.0.0.1:" + secondPort + "/api/social/chat/" + stream + "/events", bob)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> bobOnSecond.status() == 200);
            HttpResponse<String> posted = post("/api/social/chat/" + stream, alice,
                    json.writeValueAsString(Map.of("text", "hello from the first instance")));
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);

            await().atMost(Duration.ofSeconds(2)).until(() -> bobOnSecond.saw("hello from the first instance"));
            // later relay rounds read the same message again: the player still gets it once
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> true);
            assertThat(bobOnSecond.data.stream().filter(d -> d.contains("hello from the first instance")))
                    .hasSize(1);
        }
    }
}
