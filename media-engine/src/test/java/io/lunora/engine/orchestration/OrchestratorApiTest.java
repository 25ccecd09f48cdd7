package io.lunora.engine.orchestration;

import static io.lunora.engine.testing.ChannelBodies.channel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.engine.process.ChildPool;
import io.lunora.engine.testing.EngineApi;
import io.lunora.engine.testing.InProcessEngine;
import io.lunora.engine.testing.TestSource;
import io.lunora.testing.FreePorts;
import io.lunora.testing.TestIssuer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The orchestrator's rules between organizations, against the real engine: a session takes its
 * SRT port from another organization's standby inputs (which are stopped, children included),
 * standby inputs never take a port a session holds, and an organization runs a channel or a
 * relay, never both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrchestratorApiTest {
    private static final String A = "org-standby";
    private static final String B = "org-session";

    private final TestIssuer issuer = new TestIssuer();
    private final int port = FreePorts.next();
    private ConfigurableApplicationContext engine;
    private EngineApi api;
    private Path data;

    @BeforeAll
    void startEngine() throws IOException {
        data = Files.createTempDirectory("orchestrator");
        engine = InProcessEngine.start(data, data.resolve("engine.log"), issuer, "--lunora.engine.max-channels=2",
                "--lunora.engine.hls.enabled=false", "--lunora.engine.slate.width=320",
                "--lunora.engine.slate.height=180");
        api = InProcessEngine.api(engine, issuer);
    }

    @AfterAll
    void stopEngine() {
        if (engine != null) {
            engine.close();
        }
        issuer.close();
    }

    @Test
    void shouldLetASessionTakeThePortOfAnotherOrganizationsStandbyInputsAndNeverTheReverse() {
        assertThat(api.put(channels(A) + "/inputs", inputs(A)).status()).isEqualTo(204);
        assertThat(status(A).path("kind").asString()).isEqualTo("standby");
        List<Long> standby = children();
        assertThat(standby).as("A's listener and its preview").hasSize(2);

        assertThat(api.put(channels(B), channel(B, "session-b", "single", port, null, false)).status()).isEqualTo(204);

        assertThat(status(A).path("inputs").size()).as("A's standby inputs were stopped").isZero();
        assertThat(standby).allMatch(pid -> !Files.exists(Path.of("/proc/" + pid)));
        assertThat(status(B).path("kind").asString()).isEqualTo("channel");
        try (TestSource encoder = TestSource.call(port)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> status(B).path("inputs").path(0).path("connected")
                    .asBoolean());
            assertThat(encoder.isAlive()).isTrue();
        }

        // while B's session holds the port, A's inputs are refused and B keeps it
        assertThat(api.put(channels(A) + "/inputs", inputs(A)).status()).isEqualTo(409);
        assertThat(api.put(channels(A), channel(A, "session-a", "single", port, null, false)).status()).isEqualTo(409);
        assertThat(status(B).path("kind").asString()).isEqualTo("channel");
        assertThat(status(A).path("running").asBoolean()).isFalse();

        // an organization runs a channel or a relay; a refused relay leaves B's channel as it was
        assertThat(api.put("/internal/engine/relays/" + B, """
                {"session_id":"session-b","renditions":[{"preset_id":"relay-360p","latency_ms":200}]}""").status())
                .isEqualTo(409);
        assertThat(status(B).path("kind").asString()).isEqualTo("channel");

        assertThat(api.delete(channels(B)).status()).isEqualTo(204);
        assertThat(children()).isEmpty();
        assertThat(api.put(channels(A) + "/inputs", inputs(A)).status()).isEqualTo(204);
        assertThat(api.delete(channels(A)).status()).isEqualTo(204);
        assertThat(children()).isEmpty();
    }

    private String inputs(String org) {
        return channel(org, "unused", "single", port, null, false)
                .replaceFirst("(?s)^.*\"inputs\":(\\{.*\\})\\}\\s*$", "$1");
    }

    private static String channels(String org) {
        return "/internal/engine/channels/" + org;
    }

    private JsonNode status(String org) {
        EngineApi.Answer answer = api.get(channels(org));
        assertThat(answer.status()).isEqualTo(200);
        return answer.json();
    }

    private List<Long> children() {
        return engine.getBean(ChildPool.class).pids();
    }
}
