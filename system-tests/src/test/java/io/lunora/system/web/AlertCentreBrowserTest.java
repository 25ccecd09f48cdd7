package io.lunora.system.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.system.streaming.GatewayApi;
import io.lunora.system.streaming.RunningStack;
import io.lunora.system.streaming.StreamingStack;
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
 * Issue 16's alert centre in headless Chromium on the whole real stack: a session started and
 * stopped raises a "session completed" alert in streaming-control-service; the admin's overview
 * shows it (severity, state, count) without a reload, and Acknowledge changes it on the server and
 * on the screen.
 */
@EnabledOnOs(OS.LINUX)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertCentreBrowserTest {
    static final String ADMIN_PASSWORD = "Alert-Centre-Admin-31";

    @TempDir
    static Path home;

    RunningStack stack;
    GatewayApi api;
    Chromium admin;

    @BeforeAll
    void startTheStack() {
        stack = StreamingStack.start(home);
        api = stack.api();
    }

    @AfterAll
    void stopEverything() {
        if (admin != null) {
            admin.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldShowARaisedAlertLiveAndAcknowledgeIt() {
        admin = WebSignIn.admin(stack.gateway(), ADMIN_PASSWORD);
        admin.awaitText(By.cssSelector("#alert-centre li"), "No alerts.");
        String token = WebSignIn.adminToken(admin);

        // a session with no destination, on the engine's slate: its end is the alert
        assertThat(StreamingStack.saveSources(api, token, FreePorts.next(), FreePorts.next()).status()).isEqualTo(200);
        GatewayApi.Answer started = api.post(token, "/api/streaming/start", "{\"destination_ids\":[]}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String sessionId = started.json().path("session_id").asString();
        assertThat(api.post(token, "/api/streaming/stop", null).status()).isEqualTo(200);

        // live, without a reload: the alert event of /api/streaming/events
        By open = By.cssSelector("#alert-centre li[data-state='open']");
        admin.awaitText(open, "Session completed");
        assertThat(admin.driver.findElement(open).getText()).contains("info", sessionId, "open");
        String alertId = admin.driver.findElement(open).getAttribute("data-alert-id");
        admin.screenshot("admin-alert-centre-open");

        admin.click(By.cssSelector("#alert-centre li[data-alert-id='" + alertId + "'] button"));

        admin.awaitText(By.cssSelector("#alert-centre li[data-alert-id='" + alertId + "'][data-state='acknowledged']"),
                "acknowledged by admin");
        assertThat(admin.driver.findElements(By.cssSelector("#alert-centre li[data-alert-id='" + alertId + "'] button")))
                .isEmpty();
        admin.screenshot("admin-alert-centre-acknowledged");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode alerts = api.get(token, "/api/alerts?state=acknowledged").json().path("alerts");
            assertThat(alerts).singleElement().satisfies(a -> {
                assertThat(a.path("alert_id").asString()).isEqualTo(alertId);
                assertThat(a.path("kind").asString()).isEqualTo("session_completed");
                assertThat(a.path("acknowledged_by").asString()).isEqualTo("admin");
            });
        });
        // after a reload the list comes from the API and keeps the state
        admin.driver.navigate().refresh();
        admin.awaitText(By.cssSelector("#alert-centre li[data-alert-id='" + alertId + "']"), "acknowledged");
    }
}
