package io.lunora.system.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.system.streaming.GatewayApi;
import io.lunora.system.streaming.RecordingReceiver;
import io.lunora.system.streaming.RunningStack;
import io.lunora.system.streaming.StackUsers;
import io.lunora.system.streaming.StreamingStack;
import io.lunora.system.streaming.VideoProbe;
import io.lunora.testing.FreePorts;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16's "settings that work" for quality, in headless Chromium on the whole real stack: the
 * admin keeps a 720p and a 480p custom preset (480p is accepted now); the operator's destination
 * uses the 720p one; in the setup wizard the operator picks Low (480p), the summary names the
 * 480p preset for the destination, and after Start the destination saved on the server carries it
 * and its receiver gets an 854x480 picture.
 */
@EnabledOnOs(OS.LINUX)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QualityPresetBrowserTest {
    static final String KEY = "quality-key-6a2f9c";
    static final String PRESET_480P = """
            {"name":"Studio SD","platform":"custom",
             "video":{"resolution":"854x480","frame_rate":24,"bitrate_kbps":1000,"codec":"h264","profile":"baseline",
                      "keyframe_interval_seconds":2,"b_frames":0},
             "audio":{"codec":"aac","bitrate_kbps":64,"sample_rate_hz":48000,"channels":"mono"}}""";

    @TempDir
    static Path home;
    @TempDir
    static Path media;

    RunningStack stack;
    GatewayApi api;
    Chromium operator;
    RecordingReceiver receiver;

    @BeforeAll
    void startTheStack() {
        stack = StreamingStack.start(home);
        api = stack.api();
    }

    @AfterAll
    void stopEverything() {
        if (receiver != null) {
            receiver.close();
        }
        if (operator != null) {
            operator.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldSaveThePresetOfTheChosenQualityAndStreamItsPicture() throws Exception {
        StackUsers users = stack.users();
        StackUsers.User admin = users.onboardAdmin("Quality-Admin-Chosen-42");
        assertThat(StreamingStack.saveSources(api, admin.token, FreePorts.next(), FreePorts.next()).status()).isEqualTo(200);
        GatewayApi.Answer hd = api.post(admin.token, "/api/presets", StreamingStack.PRESET_JSON);
        assertThat(hd.status()).as(hd.body()).isEqualTo(201);
        GatewayApi.Answer sd = api.post(admin.token, "/api/presets", PRESET_480P);
        assertThat(sd.status()).as("a 480p preset is accepted: %s", sd.body()).isEqualTo(201);
        String sdPreset = sd.json().path("preset_id").asString();
        assertThat(api.post(admin.token, "/api/users",
                "{\"username\":\"quinn\",\"email\":\"quinn@example.com\",\"group\":\"operators\"}").status())
                .isEqualTo(201);

        operator = WebSignIn.operator(stack.gateway(), "quinn", users.temporaryPasswordOf("quinn"), "Quality-Operator-Chosen-7");
        String token = WebSignIn.operatorToken(operator);
        receiver = RecordingReceiver.listen(FreePorts.next(), KEY, media.resolve("sd.flv"));
        GatewayApi.Answer created = api.post(token, "/api/destinations", """
                {"name":"Studio out","platform":"custom","rtmp_url":"%s","stream_key":"%s","preset_id":"%s",
                 "enabled":true,"auto_start":false}""".formatted(receiver.url(), KEY, hd.json().path("preset_id")
                .asString()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("destination_id").asString();

        operator.driver.navigate().refresh();
        operator.click(By.id("select-" + id));
        operator.click(By.id("quality-low"));

        operator.awaitText(By.id("preset-summary"), "Studio out: Studio SD (480p24, 1 Mbps)");
        assertThat(operator.driver.findElement(By.cssSelector("#preset-summary li[data-destination='" + id + "']"))
                .getAttribute("data-preset")).isEqualTo(sdPreset);
        operator.screenshot("operator-quality-low-summary");
        operator.click(By.id("start-streaming"));
        operator.awaitPath("/stream/live");

        JsonNode saved = api.get(token, "/api/destinations").json().get(0);
        assertThat(saved.path("destination_id").asString()).isEqualTo(id);
        assertThat(saved.path("preset_id").asString()).as("the destination saved on the server").isEqualTo(sdPreset);
        JsonNode session = api.get(token, "/api/streaming/status").json().path("session");
        assertThat(session.path("destinations").get(0).path("preset_id").asString()).isEqualTo(sdPreset);
        // the slate is on air (no encoder): some seconds of it at the preset's size reach the receiver
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> "live".equals(
                api.get(token, "/api/streaming/status").json().path("session").path("destinations").get(0)
                        .path("state").asString()));
        await().pollDelay(Duration.ofSeconds(4)).until(() -> true);
        assertThat(api.post(token, "/api/streaming/stop", null).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> !receiver.isAlive());
        assertThat(VideoProbe.of(receiver.recording()).resolution()).isEqualTo("854x480");
    }
}
