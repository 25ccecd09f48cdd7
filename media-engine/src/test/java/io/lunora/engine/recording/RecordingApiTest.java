package io.lunora.engine.recording;

import static io.lunora.engine.testing.ChannelBodies.channel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.engine.testing.EngineApi;
import io.lunora.engine.testing.InProcessEngine;
import io.lunora.engine.testing.Probe;
import io.lunora.engine.testing.TestSource;
import io.lunora.testing.FreePorts;
import io.lunora.testing.TestIssuer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The engine's recordings API against the real engine and a real recorded session: the status
 * shows the recording and its size as it grows, the list shows it, deleting it while it is
 * written is refused, the download is every file back to back and plays, and a delete removes
 * the folder. Identifiers that could leave the folder are refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecordingApiTest {
    private static final String ORG = "org-rec";
    private static final String SESSION = "session-rec";

    private final TestIssuer issuer = new TestIssuer();
    private final int port = FreePorts.next();
    private ConfigurableApplicationContext engine;
    private EngineApi api;
    private Path data;
    private TestSource source;

    @BeforeAll
    void startEngine() throws IOException {
        data = Files.createTempDirectory("recordings");
        engine = InProcessEngine.start(data, data.resolve("engine.log"), issuer, "--lunora.engine.hls.enabled=false",
                "--lunora.engine.slate.width=320", "--lunora.engine.slate.height=180",
                "--lunora.engine.recording.segment-seconds=2");
        api = InProcessEngine.api(engine, issuer);
    }

    @AfterAll
    void stopEngine() {
        if (source != null) {
            source.close();
        }
        if (engine != null) {
            engine.close();
        }
        issuer.close();
    }

    @Test
    @Order(1)
    void shouldShowTheRecordingAndItsGrowingSizeWhileTheSessionRecords() {
        assertThat(api.put("/internal/engine/channels/" + ORG, channel(ORG, SESSION, "single", port, null, true))
                .status()).isEqualTo(204);
        source = TestSource.call(port);
        await().atMost(Duration.ofSeconds(30)).until(() -> status().path("recording").path("bytes").asLong() > 0);
        long first = status().path("recording").path("bytes").asLong();
        assertThat(status().path("recording").path("session_id").asString()).isEqualTo(SESSION);
        await().atMost(Duration.ofSeconds(20)).until(() -> status().path("recording").path("bytes").asLong() > first);

        JsonNode list = api.get(recordings()).json();
        assertThat(list).hasSize(1);
        assertThat(list.path(0).path("session_id").asString()).isEqualTo(SESSION);
        assertThat(list.path(0).path("writing").asBoolean()).isTrue();
        assertThat(list.path(0).path("bytes").asLong()).isPositive();
    }

    @Test
    @Order(2)
    void shouldRefuseToDeleteTheRecordingWhileItIsWritten() {
        EngineApi.Answer refused = api.delete(recordings() + "/" + SESSION);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(Files.isDirectory(folder())).isTrue();
    }

    @Test
    @Order(3)
    void shouldServeTheWholeRecordingAsOnePlayableStreamOnceTheSessionEnded() throws IOException {
        // several files: the download must be all of them, not the first
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get(recordings()).json().path(0).path("files").asInt() >= 3);
        assertThat(api.delete("/internal/engine/channels/" + ORG + "/session").status()).isEqualTo(204);
        assertThat(status().has("recording") && !status().path("recording").isNull()).isFalse();
        JsonNode entry = api.get(recordings()).json().path(0);
        assertThat(entry.path("writing").asBoolean()).isFalse();

        HttpResponse<byte[]> file = api.fetch(recordings() + "/" + SESSION + "/file");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                v -> assertThat(v).startsWith("attachment"));
        assertThat(file.headers().firstValue("Content-Type")).hasValue("video/mp2t");
        assertThat((long) file.body().length).isEqualTo(entry.path("bytes").asLong());
        long onDisk = 0;
        try (var files = Files.list(folder())) {
            for (Path f : files.toList()) {
                onDisk += Files.size(f);
            }
        }
        assertThat((long) file.body().length).isEqualTo(onDisk);
        Path downloaded = data.resolve("downloaded.ts");
        Files.write(downloaded, file.body());
        Probe probe = Probe.video(downloaded);
        assertThat(probe.codec()).isEqualTo("h264");
        assertThat(probe.packets()).hasSizeGreaterThan(50);
    }

    @Test
    @Order(4)
    void shouldRefuseIdentifiersThatCouldLeaveTheRecordingsFolder() {
        EngineApi.Answer traversal = api.get(recordings() + "/..%2E/file");
        assertThat(traversal.status()).isIn(400, 404);
        EngineApi.Answer bad = api.get(recordings() + "/a%20b/file");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("session");
        assertThat(api.get(recordings() + "/missing/file").status()).isEqualTo(404);
        assertThat(api.get("/internal/engine/recordings/other-org").json()).isEmpty();
    }

    @Test
    @Order(5)
    void shouldDeleteTheRecordingFromDisk() {
        assertThat(api.delete(recordings() + "/" + SESSION).status()).isEqualTo(204);
        assertThat(Files.exists(folder())).isFalse();
        assertThat(api.get(recordings()).json()).isEmpty();
        assertThat(api.delete(recordings() + "/" + SESSION).status()).isEqualTo(404);
    }

    private Path folder() {
        return data.resolve("recordings").resolve(ORG).resolve(SESSION);
    }

    private static String recordings() {
        return "/internal/engine/recordings/" + ORG;
    }

    private JsonNode status() {
        return api.get("/internal/engine/channels/" + ORG).json();
    }
}
