package io.lunora.system.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.testing.FreePorts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16's ownership evidence on the real stack started by {@code ./lunora}, every call through
 * the gateway with the tokens of real sign-ins: two operators of one organization, Opal and Olive,
 * and its admin. Olive neither sees nor changes nor tests Opal's destination, cannot start with it,
 * and neither sees nor stops Opal's session; another's resource answers 404 as one that does not
 * exist. The admin sees and changes both, and stops Opal's session. One stack life for the class;
 * each test is one phase of it, in order.
 */
@EnabledOnOs(OS.LINUX)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OwnershipEndToEndTest {
    @TempDir
    static Path home;

    RunningStack stack;
    GatewayApi api;
    StackUsers users;
    StackUsers.User admin;
    StackUsers.User opal;
    StackUsers.User olive;
    String presetId;
    String opalsDestination;
    String sessionId;

    @BeforeAll
    void startTheStack() {
        stack = StreamingStack.start(home);
        api = stack.api();
        users = stack.users();
    }

    @AfterAll
    void stopEverything() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void shouldLetTheAdminPrepareTheStudioAndInviteTwoOperators() {
        admin = users.onboardAdmin("Ownership-Admin-Chosen-42");
        GatewayApi.Answer saved = StreamingStack.saveSources(api, admin.token, FreePorts.next(), FreePorts.next());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        GatewayApi.Answer preset = api.post(admin.token, "/api/presets", StreamingStack.PRESET_JSON);
        assertThat(preset.status()).as(preset.body()).isEqualTo(201);
        presetId = preset.json().path("preset_id").asString();

        opal = inviteOperator("opal", "Ownership-Opal-Chosen-7");
        olive = inviteOperator("olive", "Ownership-Olive-Chosen-8");
    }

    private StackUsers.User inviteOperator(String username, String chosenPassword) {
        return stack.users().inviteOperator(api, admin, username, chosenPassword);
    }

    @Test
    @Order(2)
    void shouldKeepAnOperatorsDestinationFromAnotherOperatorAndShowItToTheAdmin() {
        GatewayApi.Answer created = api.post(opal.token, "/api/destinations", """
                {"name":"Opal's receiver","platform":"custom","rtmp_url":"rtmp://127.0.0.1:%d/live",
                 "stream_key":"opal-key-3c9e1a","preset_id":"%s","enabled":true,"auto_start":true}"""
                .formatted(FreePorts.next(), presetId));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        opalsDestination = created.json().path("destination_id").asString();

        assertThat(ids(api.get(opal.token, "/api/destinations"))).containsExactly(opalsDestination);
        assertThat(ids(api.get(olive.token, "/api/destinations"))).isEmpty();
        String path = "/api/destinations/" + opalsDestination;
        assertNotFound(api.put(olive.token, path, update("Olive's now", 1)));
        assertNotFound(api.put(olive.token, path + "/stream-key", "{\"stream_key\":\"olive-key-77\"}"));
        assertNotFound(api.post(olive.token, path + "/test", null));
        assertNotFound(api.send(olive.token, "DELETE", path, null));
        assertThat(api.get(opal.token, "/api/destinations").json().get(0).path("version").asLong())
                .as("nothing of Olive's reached it").isEqualTo(1);

        assertThat(ids(api.get(admin.token, "/api/destinations"))).containsExactly(opalsDestination);
        GatewayApi.Answer renamed = api.put(admin.token, path, update("Opal's receiver (checked)", 1));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(api.get(opal.token, "/api/destinations").json().get(0).path("name").asString())
                .isEqualTo("Opal's receiver (checked)");
    }

    @Test
    @Order(3)
    void shouldLetNoOperatorStartWithAnotherOperatorsDestination() {
        GatewayApi.Answer refused = api.post(olive.token, "/api/streaming/start",
                "{\"destination_ids\":[\"" + opalsDestination + "\"],\"recording\":false}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("destination_ids");
        GatewayApi.Answer autoStart = api.post(olive.token, "/api/streaming/start", "{\"recording\":false}");
        assertThat(autoStart.status()).as(autoStart.body()).isEqualTo(201);
        assertThat(autoStart.json().path("destinations")).as("Opal's auto-start destination is not Olive's")
                .isEmpty();
        assertThat(api.post(olive.token, "/api/streaming/stop", null).json().path("status").asString())
                .isEqualTo("stopped");
    }

    @Test
    @Order(4)
    void shouldKeepAnOperatorsSessionFromAnotherOperatorAndLetTheAdminStopIt() {
        // no destination is pushed: the session itself is what is owned
        GatewayApi.Answer started = api.post(opal.token, "/api/streaming/start",
                "{\"destination_ids\":[],\"recording\":false}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        sessionId = started.json().path("session_id").asString();

        JsonNode olivesStatus = api.get(olive.token, "/api/streaming/status").json();
        assertThat(olivesStatus.path("session").isNull()).as(olivesStatus.toString()).isTrue();
        assertThat(sessionIds(api.get(olive.token, "/api/streaming/sessions"))).doesNotContain(sessionId);
        assertNotFound(api.get(olive.token, "/api/streaming/sessions/" + sessionId));
        GatewayApi.Answer olivesStop = api.post(olive.token, "/api/streaming/stop", null);
        assertThat(olivesStop.status()).as(olivesStop.body()).isEqualTo(200);
        assertThat(olivesStop.body()).doesNotContain(sessionId);
        assertThat(api.post(olive.token, "/api/streaming/start", "{\"destination_ids\":[]}").status())
                .as("one open session per organization, and it is Opal's").isEqualTo(409);
        JsonNode opalsStatus = api.get(opal.token, "/api/streaming/status").json();
        assertThat(opalsStatus.path("session").path("session_id").asString()).isEqualTo(sessionId);
        assertThat(opalsStatus.path("session").path("status").asString()).as("Olive's stop left it running")
                .isEqualTo("active");

        assertThat(api.get(admin.token, "/api/streaming/status").json().path("session").path("session_id")
                .asString()).isEqualTo(sessionId);
        GatewayApi.Answer adminsStop = api.post(admin.token, "/api/streaming/stop", null);
        assertThat(adminsStop.status()).as(adminsStop.body()).isEqualTo(200);
        assertThat(adminsStop.json().path("session_id").asString()).isEqualTo(sessionId);
        assertThat(adminsStop.json().path("status").asString()).isEqualTo("stopped");
        assertThat(api.get(opal.token, "/api/streaming/sessions/" + sessionId).json().path("status").asString())
                .isEqualTo("stopped");
    }

    private String update(String name, long version) {
        return """
                {"name":"%s","platform":"custom","rtmp_url":"rtmp://127.0.0.1:1935/live","preset_id":"%s",
                 "version":%d}""".formatted(name, presetId, version);
    }

    private static List<String> ids(GatewayApi.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().findValuesAsString("destination_id");
    }

    private static List<String> sessionIds(GatewayApi.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().valueStream().map(s -> s.path("session_id").asString()).toList();
    }

    private static void assertNotFound(GatewayApi.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(404);
        assertThat(answer.json().path("status").asInt()).isEqualTo(404);
    }
}
