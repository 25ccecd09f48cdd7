package io.lunora.engine.output;

import static io.lunora.engine.testing.ChannelBodies.channel;
import static io.lunora.engine.testing.ChannelBodies.output;
import static io.lunora.engine.testing.ChannelBodies.preset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.engine.testing.EngineApi;
import io.lunora.engine.testing.InProcessEngine;
import io.lunora.engine.testing.RtmpReceiver;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The engine checks a publish target itself before it pushes (SSRF): whoever calls its API, it
 * refuses loopback, link-local (cloud metadata) and private addresses, and names resolving to
 * them, with a problem naming {@code target.url}, and pushes only where the operator's allow-list
 * says. Here the allow-list is 127.0.0.2/32 alone, so 127.0.0.1 stays refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishGuardApiTest {
    private static final String ORG = "org-guard";
    private static final String CHANNEL = "/internal/engine/channels/" + ORG;
    private static final String KEY = "sk-live-guard-5e1f0c";
    private static final String PRESET = preset("guard-small", "320x180", 25, 300, "main", 1, 0);

    private final TestIssuer issuer = new TestIssuer();
    private final int primaryPort = FreePorts.next();
    private Path data;
    private ConfigurableApplicationContext engine;
    private EngineApi api;
    private TestSource source;

    @BeforeAll
    void startEngineWithAChannel() throws IOException {
        data = Files.createTempDirectory("engine-guard");
        engine = InProcessEngine.start(data, data.resolve("engine.log"), issuer,
                "--lunora.publish.allowed-hosts=127.0.0.2/32", "--lunora.engine.hls.enabled=false",
                "--lunora.engine.slate.width=320", "--lunora.engine.slate.height=180",
                "--lunora.engine.slate.frame-rate=25");
        api = InProcessEngine.api(engine, issuer);
        assertThat(api.put(CHANNEL, channel(ORG, "guard-1", "single", primaryPort, null, false)).status())
                .isEqualTo(204);
        source = TestSource.call(primaryPort);
        await().atMost(Duration.ofSeconds(20)).until(() -> "primary".equals(api.get(CHANNEL).json().path("on_air").asString()));
    }

    @AfterAll
    void stopEverything() {
        if (source != null) {
            source.close();
        }
        if (engine != null) {
            engine.close();
        }
        issuer.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rtmp://127.0.0.1:1935/live", "rtmp://169.254.169.254/live", "rtmp://localhost:1935/live",
            "rtmp://10.0.0.7/live", "rtmps://[::1]:443/live", "rtmp://[::ffff:169.254.169.254]/live",
            "rtmp://0.0.0.0:1935/live"})
    void shouldRefuseInternalTargetsNamingTheField(String url) {
        EngineApi.Answer refused = api.put(CHANNEL + "/outputs/dest-internal", output(PRESET, url, KEY));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").findValuesAsString("field")).containsExactly("target.url");
        assertThat(refused.body()).doesNotContain(KEY);
        assertThat(api.get(CHANNEL).json().path("outputs").findValuesAsString("destination_id"))
                .doesNotContain("dest-internal");
    }

    @Test
    void shouldRefuseAHostItCannotJudgeTheWayFfmpegWould() {
        EngineApi.Answer refused = api.put(CHANNEL + "/outputs/dest-odd", output(PRESET, "rtmp://a:b:c/live", KEY));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").findValuesAsString("field")).containsExactly("target.url");
    }

    @Test
    void shouldPushToAPrivateAddressTheAllowListNames() {
        int port = FreePorts.next();
        try (RtmpReceiver receiver = RtmpReceiver.listen("127.0.0.2", port, KEY, data.resolve("allowed.flv"))) {
            EngineApi.Answer started = api.put(CHANNEL + "/outputs/dest-allowed",
                    output(PRESET, RtmpReceiver.url("127.0.0.2", port), KEY));

            assertThat(started.status()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(20)).until(receiver::publishedOnItsKey);
            await().atMost(Duration.ofSeconds(20)).until(() -> List.of("live").equals(
                    api.get(CHANNEL).json().path("outputs").findValuesAsString("state")));
        } finally {
            api.delete(CHANNEL + "/outputs/dest-allowed");
        }
    }
}
