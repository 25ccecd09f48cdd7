package io.lunora.system.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import io.lunora.model.destination.DestinationTarget;
import io.lunora.model.media.ChannelRequest;
import io.lunora.model.preset.EncodingPreset;
import io.lunora.testing.FreePorts;
import io.lunora.testing.oidc.OidcFlow;
import java.time.Duration;
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
 * exist. The admin sees and changes both, and stops Opal's session. Then issue 14's second
 * organization: the bootstrap admin, the platform admin, creates it with its first admin, Tess, who
 * invites an operator, Theo; they prepare a studio and stream a session of their own, and neither
 * organization sees or touches the other's destinations, sessions, sources, custom presets, users,
 * alerts or webhooks (404, or absent from every list). One stack life for the class; each test is
 * one phase of it, in order.
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
    StackUsers.User tess;
    StackUsers.User theo;
    String tessPreset;
    String theosDestination;
    String theosSession;

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

    @Test
    @Order(5)
    void shouldLetThePlatformAdminCreateASecondOrganizationWhoseAdminInvitesAnOperator() {
        GatewayApi.Answer created = api.post(admin.token, "/api/organizations", """
                {"id":"second-studio","name":"Second Studio","admin_username":"tess","admin_email":"tess@example.com"}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(organizationIds(api.get(admin.token, "/api/organizations")))
                .containsExactly("default", "second-studio");

        OidcFlow flow = new OidcFlow(stack.gateway(), stack.gateway());
        tess = new StackUsers.User("lunora-admin", flow.firstSignIn(flow.browser(), "lunora-admin", "tess",
                users.temporaryPasswordOf("tess"), "Second-Studio-Tess-Chosen-5"));
        theo = users.inviteOperator(api, tess, "theo", "Second-Studio-Theo-Chosen-6");
        assertThat(api.get(tess.token, "/api/organizations").status())
                .as("an organization's admin is no platform admin").isEqualTo(403);
        assertThat(api.post(tess.token, "/api/organizations", """
                {"id":"third-studio","name":"Third","admin_username":"trix","admin_email":"trix@example.com"}""")
                .status()).isEqualTo(403);

        assertThat(StreamingStack.saveSources(api, tess.token, FreePorts.next(), FreePorts.next()).status())
                .isEqualTo(200);
        GatewayApi.Answer preset = api.post(tess.token, "/api/presets", StreamingStack.PRESET_JSON);
        assertThat(preset.status()).as(preset.body()).isEqualTo(201);
        tessPreset = preset.json().path("preset_id").asString();
        GatewayApi.Answer destination = api.post(theo.token, "/api/destinations", """
                {"name":"Theo's receiver","platform":"custom","rtmp_url":"rtmp://127.0.0.1:%d/live",
                 "stream_key":"theo-key-5d1f2b","preset_id":"%s","enabled":true,"auto_start":false}"""
                .formatted(FreePorts.next(), tessPreset));
        assertThat(destination.status()).as(destination.body()).isEqualTo(201);
        theosDestination = destination.json().path("destination_id").asString();
        GatewayApi.Answer started = api.post(theo.token, "/api/streaming/start",
                "{\"destination_ids\":[],\"recording\":false}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        theosSession = started.json().path("session_id").asString();
        assertThat(api.post(theo.token, "/api/streaming/stop", null).json().path("status").asString())
                .isEqualTo("stopped");
    }

    @Test
    @Order(6)
    void shouldKeepEachOrganizationsStudioFromTheOther() {
        // destinations
        assertThat(ids(api.get(tess.token, "/api/destinations"))).containsExactly(theosDestination);
        assertThat(ids(api.get(theo.token, "/api/destinations"))).containsExactly(theosDestination);
        assertThat(ids(api.get(admin.token, "/api/destinations"))).containsExactly(opalsDestination);
        for (StackUsers.User stranger : List.of(tess, theo)) {
            String path = "/api/destinations/" + opalsDestination;
            assertNotFound(api.put(stranger.token, path, update("Taken over", tessPreset, 2)));
            assertNotFound(api.put(stranger.token, path + "/stream-key", "{\"stream_key\":\"tess-key-11\"}"));
            assertNotFound(api.post(stranger.token, path + "/test", null));
            assertNotFound(api.send(stranger.token, "DELETE", path, null));
        }
        String theos = "/api/destinations/" + theosDestination;
        assertNotFound(api.put(admin.token, theos, update("Taken over", presetId, 1)));
        assertNotFound(api.put(opal.token, theos + "/stream-key", "{\"stream_key\":\"opal-key-11\"}"));
        assertNotFound(api.send(admin.token, "DELETE", theos, null));
        assertThat(api.get(admin.token, "/api/destinations").json().get(0).path("version").asLong()).isEqualTo(2);
        assertThat(api.get(theo.token, "/api/destinations").json().get(0).path("version").asLong()).isEqualTo(1);

        // custom presets
        assertThat(presetIds(api.get(tess.token, "/api/presets"))).contains(tessPreset).doesNotContain(presetId);
        assertThat(presetIds(api.get(admin.token, "/api/presets"))).contains(presetId).doesNotContain(tessPreset);
        assertThat(api.get(tess.token, "/api/presets/export").body()).doesNotContain(presetId);
        assertThat(api.get(admin.token, "/api/presets/export").body()).doesNotContain(tessPreset);
        assertNotFound(api.put(tess.token, "/api/presets/" + presetId, StreamingStack.PRESET_JSON));
        assertNotFound(api.send(tess.token, "DELETE", "/api/presets/" + presetId, null));
        assertNotFound(api.post(tess.token, "/api/presets/" + presetId + "/clone", null));
        assertNotFound(api.send(admin.token, "DELETE", "/api/presets/" + tessPreset, null));
        assertNotFound(api.post(admin.token, "/api/presets/" + tessPreset + "/clone", null));

        // sources: each reads its own, and the other's save changed nothing of it
        JsonNode ours = api.get(admin.token, "/api/sources/config").json();
        JsonNode theirs = api.get(theo.token, "/api/sources/config").json();
        assertThat(ours.path("primary_source").path("port").isInt()).as(ours.toString()).isTrue();
        assertThat(theirs.path("primary_source").path("port").asInt())
                .isNotEqualTo(ours.path("primary_source").path("port").asInt());
    }

    @Test
    @Order(7)
    void shouldKeepEachOrganizationsSessionsAndAlertsFromTheOther() {
        assertThat(sessionIds(api.get(theo.token, "/api/streaming/sessions"))).containsExactly(theosSession);
        assertThat(sessionIds(api.get(tess.token, "/api/streaming/sessions"))).containsExactly(theosSession);
        List<String> ourSessions = sessionIds(api.get(admin.token, "/api/streaming/sessions"));
        assertThat(ourSessions).contains(sessionId).doesNotContain(theosSession);
        for (StackUsers.User stranger : List.of(tess, theo)) {
            assertNotFound(api.get(stranger.token, "/api/streaming/sessions/" + sessionId));
            assertNotFound(api.get(stranger.token, "/api/streaming/sessions/" + sessionId + "/events"));
        }
        assertNotFound(api.get(admin.token, "/api/streaming/sessions/" + theosSession));
        assertNotFound(api.get(opal.token, "/api/streaming/sessions/" + theosSession + "/events"));

        // every ended session leaves a "session completed" alert in its own organization only
        List<String> ourAlerts = awaitAlerts(admin);
        List<String> theirAlerts = awaitAlerts(tess);
        assertThat(theirAlerts).doesNotContainAnyElementsOf(ourAlerts);
        assertThat(alertIds(api.get(theo.token, "/api/alerts"))).doesNotContainAnyElementsOf(ourAlerts);
        assertThat(alertIds(api.get(opal.token, "/api/alerts"))).doesNotContainAnyElementsOf(theirAlerts);
        assertNotFound(api.post(tess.token, "/api/alerts/" + ourAlerts.get(0) + "/acknowledge", null));
        assertNotFound(api.post(admin.token, "/api/alerts/" + theirAlerts.get(0) + "/acknowledge", null));
    }

    @Test
    @Order(8)
    void shouldKeepEachOrganizationsUsersAndWebhooksFromTheOther() {
        assertThat(usernames(api.get(tess.token, "/api/users"))).containsExactly("tess", "theo");
        assertThat(usernames(api.get(admin.token, "/api/users"))).containsExactly("admin", "olive", "opal");
        String opalsId = userId(admin, "opal");
        String theosId = userId(tess, "theo");
        assertNotFound(api.get(tess.token, "/api/users/" + opalsId));
        assertNotFound(api.put(tess.token, "/api/users/" + opalsId, "{\"group\":\"admins\"}"));
        assertNotFound(api.post(tess.token, "/api/users/" + opalsId + "/disable", null));
        assertNotFound(api.get(admin.token, "/api/users/" + theosId));
        assertNotFound(api.post(admin.token, "/api/users/" + theosId + "/disable", null));
        assertThat(api.get(tess.token, "/api/users/audit").json().path("entries").findValuesAsString("target_username"))
                .containsOnly("tess", "theo");
        assertThat(api.get(admin.token, "/api/users/audit").json().path("entries").findValuesAsString("target_username"))
                .doesNotContain("tess", "theo");

        String ourHook = webhook(admin);
        String theirHook = webhook(tess);
        assertThat(webhookIds(api.get(admin.token, "/api/alerts/webhooks"))).containsExactly(ourHook);
        assertThat(webhookIds(api.get(tess.token, "/api/alerts/webhooks"))).containsExactly(theirHook);
        assertNotFound(api.get(tess.token, "/api/alerts/webhooks/" + ourHook + "/deliveries"));
        assertNotFound(api.send(tess.token, "DELETE", "/api/alerts/webhooks/" + ourHook, null));
        assertNotFound(api.send(admin.token, "DELETE", "/api/alerts/webhooks/" + theirHook, null));
        assertThat(webhookIds(api.get(admin.token, "/api/alerts/webhooks"))).containsExactly(ourHook);
    }

    private List<String> awaitAlerts(StackUsers.User user) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> alertIds(api.get(user.token, "/api/alerts")), alerts -> !alerts.isEmpty());
    }

    private String userId(StackUsers.User admin, String username) {
        return api.get(admin.token, "/api/users?username=" + username).json().get(0).path("id").asString();
    }

    private String webhook(StackUsers.User admin) {
        GatewayApi.Answer created = api.post(admin.token, "/api/alerts/webhooks",
                "{\"url\":\"http://127.0.0.1:" + FreePorts.next() + "/hook\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("webhook_id").asString();
    }

    private static List<String> organizationIds(GatewayApi.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().findValuesAsString("id");
    }

    private static List<String> presetIds(GatewayApi.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().findValuesAsString("preset_id");
    }

    private static List<String> alertIds(GatewayApi.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().path("alerts").findValuesAsString("alert_id");
    }

    private static List<String> webhookIds(GatewayApi.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().path("webhooks").findValuesAsString("webhook_id");
    }

    private static List<String> usernames(GatewayApi.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().findValuesAsString("username").stream().sorted().toList();
    }

    private String update(String name, long version) {
        return update(name, presetId, version);
    }

    private static String update(String name, String preset, long version) {
        return """
                {"name":"%s","platform":"custom","rtmp_url":"rtmp://127.0.0.1:1935/live","preset_id":"%s",
                 "version":%d}""".formatted(name, preset, version);
    }

    /**
     * The contract of streaming-control's reads from destination-, preset- and source-service:
     * the caller's own clients (its requests, token and parser) against the running callees, for
     * both organizations, and nothing of one organization handed over under the other's name.
     */
    @Test
    @Order(9)
    void shouldResolveEachOrganizationsDestinationsPresetsAndSourcesThroughStreamingControlsOwnClients() {
        try (StreamingControlResolvers resolvers = new StreamingControlResolvers(stack.launcher(), home)) {
            DestinationTarget opals = resolvers.destinations().target("default", opalsDestination).orElseThrow();
            assertThat(opals.destinationId()).isEqualTo(opalsDestination);
            assertThat(opals.organizationId()).isEqualTo("default");
            assertThat(opals.name()).isEqualTo("Opal's receiver (checked)");
            assertThat(opals.rtmpUrl()).as("URL and key travel apart").isEqualTo("rtmp://127.0.0.1:1935/live");
            assertThat(opals.streamKey()).isEqualTo("opal-key-3c9e1a");
            assertThat(opals.presetId()).isEqualTo(presetId);
            assertThat(opals.ownerId()).isNotBlank();
            assertThat(opals.autoStart()).isTrue();
            assertThat(resolvers.destinations().target("second-studio", opalsDestination))
                    .as("another organization's destination is not found under this one's name").isEmpty();
            assertThat(resolvers.destinations().target("second-studio", theosDestination).orElseThrow().streamKey())
                    .isEqualTo("theo-key-5d1f2b");
            assertThat(resolvers.destinations().autoStart("default")).extracting(DestinationTarget::destinationId)
                    .containsExactly(opalsDestination);
            assertThat(resolvers.destinations().autoStart("second-studio")).as("Theo's is not auto-start").isEmpty();

            EncodingPreset preset = resolvers.presets().preset("default", presetId).orElseThrow();
            assertThat(preset.name()).isEqualTo("Loopback 720p24");
            assertThat(preset.video().resolution()).isEqualTo("1280x720");
            assertThat(preset.video().bitrateKbps()).isEqualTo(1000);
            assertThat(resolvers.presets().preset("second-studio", presetId)).as("a custom preset is its organization's")
                    .isEmpty();
            assertThat(resolvers.presets().preset("second-studio", tessPreset)).isPresent();

            JsonNode saved = api.get(admin.token, "/api/sources/config").json();
            ChannelRequest.Inputs inputs = resolvers.sources().current("default");
            assertThat(inputs.mode()).isEqualTo("auto_failover");
            assertThat(inputs.primary().port()).isEqualTo(saved.path("primary_source").path("port").asInt());
            assertThat(inputs.secondary().port()).isEqualTo(saved.path("secondary_source").path("port").asInt());
            assertThat(inputs.primary().latencyMs()).isEqualTo(120);
            assertThat(resolvers.sources().current("second-studio").primary().port())
                    .isEqualTo(api.get(theo.token, "/api/sources/config").json().path("primary_source").path("port").asInt());
            assertThat(resolvers.sources().configuredOrganizations()).contains("default", "second-studio");
        }
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
