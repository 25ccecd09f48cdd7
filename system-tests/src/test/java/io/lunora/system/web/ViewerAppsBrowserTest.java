package io.lunora.system.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.engine.ffmpeg.Ffmpeg;
import io.lunora.engine.ffmpeg.FfmpegLocator;
import io.lunora.model.identity.ServiceClient;
import io.lunora.model.viewer.StreamDetails;
import io.lunora.streaming.sessions.SessionStatus;
import io.lunora.streaming.sessions.StreamSession;
import io.lunora.system.stack.Launcher;
import io.lunora.testing.FreePorts;
import io.lunora.testing.oidc.OidcFlow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The viewer apps in headless Chromium against the whole stack started by {@code ./lunora}, with a
 * live program: an admin starts a session through the APIs and an SRT test pattern feeds the
 * engine, which packages HLS. A viewer registers and verifies the mailed code, signs in, finds the
 * stream by search and plays it (the video's clock advances); a chat message reaches a second
 * viewer's player within 2 s and shows a script tag as text; like, save and report; a consumer
 * admin (made one by an admin through the auth API) resolves the report. Raised to premium, the
 * stream plays in the player of a premium viewer, and the playback URL issued to that viewer is
 * refused to anyone else through the gateway. Screens are saved under
 * {@code system-tests/target/screens/} (docs/screens.md).
 */
@EnabledOnOs(OS.LINUX)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ViewerAppsBrowserTest {
    static final String SERVICES = "dynamodb auth-service source-service destination-service preset-service "
            + "streaming-control-service viewer-service media-engine gateway-service";
    /** Scaled for 2 cores, as the streaming tests: one small HLS rung at a low frame rate. */
    static final Map<String, String> ENVIRONMENT = Map.of(
            "LUNORA_ENGINE_SLATE_WIDTH", "320", "LUNORA_ENGINE_SLATE_HEIGHT", "180", "LUNORA_ENGINE_SLATE_FRAMERATE", "24",
            "LUNORA_ENGINE_HLS_FRAMERATE", "12", "LUNORA_ENGINE_HLS_LADDER_0_HEIGHT", "144",
            "LUNORA_ENGINE_HLS_LADDER_0_VIDEOKBPS", "150", "LUNORA_ENGINE_HLS_LADDER_0_AUDIOKBPS", "64");
    static final String STREAM_ID = "aurora-live";
    static final String VIEWER_PASSWORD = "Sunrise42";
    static final Pattern CODE = Pattern.compile("Verification code: (\\d{6})");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path home;

    Launcher launcher;
    String gateway;
    String adminToken;
    Process encoder;
    final HttpClient http = HttpClient.newHttpClient();
    Chromium vera;
    Chromium walt;
    Chromium moderator;

    @BeforeAll
    void startTheStackWithALiveProgram() throws Exception {
        launcher = new Launcher(home, ENVIRONMENT);
        Launcher.Result up = launcher.run(SERVICES, "up", "--no-build");
        assertThat(up.exitCode()).as("./lunora up:%n%s", up.output()).isZero();
        gateway = "http://localhost:" + launcher.port("LUNORA_GATEWAY_PORT");
        adminToken = new OidcFlow(gateway, gateway).firstSignIn(new OidcFlow(gateway, gateway).browser(), "lunora-admin",
                "admin", Launcher.ADMIN_PASSWORD, "Viewer-Suite-Admin-42").tokens().accessToken();

        int srtPort = FreePorts.next();
        JsonNode current = JSON.readTree(call("GET", "/api/sources/config", adminToken, null).body());
        String version = current.path("version").isNumber() ? ",\"version\":" + current.path("version").asLong() : "";
        expect(call("PUT", "/api/sources/config", adminToken, """
                {"name":"Loopback studio","redundancy_mode":"single","failover_threshold":2,"health_check_interval":1,
                 "failback":"stay","primary_source":{"name":"Camera A","mode":"listener","port":%d,"latency_ms":120}%s}"""
                .formatted(srtPort, version)), 200);
        expect(call("POST", "/api/viewer-admin/catalog", adminToken, """
                {"stream_id":"%s","title":"Aurora Borealis Live","description":"Northern lights over the fjord",
                 "category":"nature","tags":["sky","night"],"access_level":"public"}""".formatted(STREAM_ID)), 201);
        expect(call("POST", "/api/streaming/start", adminToken,
                "{\"destination_ids\":[],\"recording\":false,\"stream_id\":\"" + STREAM_ID + "\"}"), 201);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> udpBound(srtPort));
        Ffmpeg ffmpeg = FfmpegLocator.locate(null);
        encoder = ffmpeg.processBuilder(ffmpeg.command(List.of("-hide_banner", "-nostdin", "-loglevel", "warning", "-re",
                "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=24", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "12", "-b:v", "300k",
                "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "64k", "-muxdelay", "0", "-f", "mpegts",
                "srt://127.0.0.1:" + srtPort + "?mode=caller&latency=120000&transtype=live")))
                .redirectErrorStream(true).redirectOutput(home.resolve("encoder.log").toFile()).start();
        // live HLS: the anonymous playback URL of the public stream answers a playlist with segments
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            HttpResponse<String> start = call("POST", "/api/viewing/start", null,
                    "{\"stream_id\":\"" + STREAM_ID + "\",\"device_type\":\"web\"}");
            if (start.statusCode() != 200) {
                return false;
            }
            String master = JSON.readTree(start.body()).path("playback_url").asString();
            HttpResponse<String> playlist = call("GET", master, null, null);
            if (playlist.statusCode() != 200) {
                return false;
            }
            String variant = playlist.body().lines().filter(l -> !l.startsWith("#") && !l.isBlank()).findFirst().orElse(null);
            return variant != null && call("GET", URI.create(gateway + master).resolve(variant).getPath(), null, null)
                    .body().contains("#EXTINF");
        });
    }

    @AfterAll
    void stopEverything() {
        for (Chromium browser : new Chromium[] {vera, walt, moderator}) {
            if (browser != null) {
                browser.close();
            }
        }
        if (encoder != null) {
            encoder.destroyForcibly();
        }
        if (launcher != null) {
            launcher.run("", "down");
        }
    }

    @Test
    @Order(1)
    void shouldRegisterVerifyTheMailedCodeAndSignInToTheWatchPortal() {
        vera = new Chromium(gateway);
        vera.open("/watch/");
        vera.await(By.cssSelector("#live-list li[data-stream='" + STREAM_ID + "']"));
        vera.screenshot("watch-anonymous");
        vera.click(By.id("register"));
        vera.awaitPath("/auth/register");
        vera.type(By.id("username"), "vera");
        vera.type(By.id("email"), "vera@viewers.example.com");
        vera.type(By.id("password"), VIEWER_PASSWORD);
        vera.type(By.id("confirmation"), VIEWER_PASSWORD);
        vera.click(By.cssSelector("button[type=submit]"));
        vera.awaitPath("/auth/verify");
        vera.type(By.id("code"), codeMailedTo("vera@viewers.example.com"));
        vera.click(By.cssSelector("form:not([action$='resend']) button[type=submit]"));
        vera.awaitPath("/login");

        signIn(vera, "/watch/", "vera");

        vera.awaitText(By.id("user-tier"), "free");
        vera.await(By.cssSelector("#featured-list, #live-list"));
        vera.screenshot("watch-home");
    }

    @Test
    @Order(2)
    void shouldFindTheLiveStreamBySearchAndPlayIt() {
        vera.type(By.id("quick-q"), "aurora");
        vera.click(By.id("quick-search"));
        vera.await(By.cssSelector("#result-list li[data-stream='" + STREAM_ID + "']"));
        new Select(vera.await(By.id("access_level"))).selectByValue("public");
        vera.click(By.id("live_only"));
        vera.click(By.id("search-submit"));
        vera.awaitText(By.id("result-count"), "1 result");
        vera.screenshot("watch-search");

        vera.click(By.cssSelector("#result-list li[data-stream='" + STREAM_ID + "'] a"));
        vera.awaitText(By.id("stream-title"), "Aurora Borealis Live");
        assertThat(vera.path()).isEqualTo("/player/");
        double first = awaitPlaying(vera);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(() -> currentTime(vera) > first + 1.5);
        assertThat(vera.await(By.id("quality")).findElements(By.tagName("option"))).hasSizeGreaterThanOrEqualTo(2);
        vera.screenshot("player");
    }

    @Test
    @Order(3)
    void shouldDeliverAChatMessageToASecondViewerWithinTwoSecondsAsText() {
        registerByApi("walt");
        walt = new Chromium(gateway);
        signIn(walt, "/watch/", "walt");
        walt.open("/player/?stream=" + STREAM_ID);
        walt.awaitText(By.id("chat-state"), "connected");
        vera.awaitText(By.id("chat-state"), "connected");

        vera.type(By.id("chat-input"), "<script>window.pwned=1</script> hello from vera");
        vera.click(By.id("chat-send"));
        long sent = System.nanoTime();
        new WebDriverWait(walt.driver, Duration.ofSeconds(2), Duration.ofMillis(50))
                .until(d -> d.findElement(By.id("chat-messages")).getText().contains("hello from vera"));
        long deliveredMs = (System.nanoTime() - sent) / 1_000_000;

        assertThat(deliveredMs).isLessThan(2000);
        assertThat(walt.driver.findElement(By.cssSelector("#chat-messages .chat-text")).getText())
                .isEqualTo("<script>window.pwned=1</script> hello from vera");
        assertThat(walt.script("return window.pwned === undefined && document.querySelectorAll('#chat-messages script').length === 0"))
                .isEqualTo(true);
        walt.screenshot("player-chat");
    }

    @Test
    @Order(4)
    void shouldLikeAndSaveTheStreamAndFindItInTheLibrary() {
        vera.click(By.id("like"));
        new WebDriverWait(vera.driver, Duration.ofSeconds(10)).until(d -> "true".equals(d.findElement(By.id("like")).getAttribute("aria-pressed")));
        vera.awaitText(By.id("like-count"), "1 likes");
        vera.click(By.id("save"));
        new WebDriverWait(vera.driver, Duration.ofSeconds(10)).until(d -> "true".equals(d.findElement(By.id("save")).getAttribute("aria-pressed")));

        vera.open("/watch/library");
        vera.await(By.cssSelector("#saved-list li[data-stream='" + STREAM_ID + "']"));
        vera.await(By.cssSelector("#favorites-list li[data-stream='" + STREAM_ID + "']"));
        vera.screenshot("watch-library");
    }

    @Test
    @Order(5)
    void shouldReportTheStream() {
        vera.open("/player/?stream=" + STREAM_ID);
        vera.click(By.id("report"));
        new Select(vera.await(By.id("report-type"))).selectByValue("spam");
        vera.type(By.id("report-description"), "Looks like an advert loop");
        vera.screenshot("player-report");
        vera.click(By.id("report-send"));
        vera.awaitText(By.id("report-done"), "the report was sent");
    }

    @Test
    @Order(6)
    void shouldLetAConsumerAdminResolveTheReport() {
        registerByApi("mona");
        expect(call("PUT", "/api/admin/users/consumers/mona/group", adminToken, "{\"group\":\"consumer-admins\"}"), 200);
        moderator = new Chromium(gateway);
        moderator.open("/viewer-admin/");
        moderator.click(By.id("landing-sign-in"));
        moderator.awaitPath("/login");
        moderator.type(By.id("username"), "mona");
        moderator.type(By.id("password"), VIEWER_PASSWORD);
        moderator.click(By.cssSelector("button[type=submit]"));
        moderator.awaitPath("/viewer-admin/");
        moderator.awaitText(By.id("metric-reports"), "1");
        moderator.screenshot("viewer-admin-overview");

        moderator.click(By.cssSelector("nav a[href='/viewer-admin/moderation']"));
        moderator.await(By.cssSelector("#reports-table tr[data-stream='" + STREAM_ID + "']"));
        assertThat(moderator.driver.findElement(By.id("reports-table")).getText()).contains("spam").contains("Looks like an advert loop");
        moderator.screenshot("viewer-admin-moderation");
        moderator.click(By.cssSelector("tr[data-stream='" + STREAM_ID + "'] button[data-resolve='dismiss']"));
        moderator.awaitText(By.id("moderation-done"), "dismissed");
        moderator.awaitText(By.id("moderation-queue"), "The queue is empty.");

        for (String[] screen : new String[][] {{"catalog", "#catalog-table"}, {"viewers", "#viewers-table"},
                {"subscriptions", "#subscriptions-table"}, {"analytics", "#trending-table"}}) {
            moderator.click(By.cssSelector("nav a[href='/viewer-admin/" + screen[0] + "']"));
            moderator.await(By.cssSelector(screen[1]));
            moderator.screenshot("viewer-admin-" + screen[0]);
        }
        assertThat(moderator.driver.findElement(By.id("trending-table")).getText()).contains("Aurora Borealis Live");
    }

    @Test
    @Order(7)
    void shouldShowTheProfileUpgradeAndPhoneSizedScreens() {
        vera.open("/watch/profile");
        vera.type(By.id("display_name"), "Vera V");
        vera.click(By.id("save-profile"));
        vera.awaitText(By.id("profile-saved"), "Saved");
        vera.screenshot("watch-profile");
        vera.open("/watch/upgrade");
        vera.awaitText(By.id("payment-provider-note"), "local test payment provider");
        vera.screenshot("watch-upgrade");

        vera.phoneSize();
        vera.open("/player/?stream=" + STREAM_ID);
        awaitPlaying(vera);
        assertThat((Long) vera.script("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(400L);
        vera.screenshot("player-phone");
        vera.open("/watch/");
        vera.await(By.cssSelector("#live-list li"));
        assertThat((Long) vera.script("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(400L);
        vera.screenshot("watch-phone");
        vera.desktopSize();
    }

    @Test
    @Order(8)
    void shouldPlayAPremiumStreamOnlyForTheViewerItsPlaybackUrlWasIssuedTo() {
        String anonymousUrl = playbackUrl(null);
        String waltToken = consumerToken("walt");
        expect(call("POST", "/api/viewer-admin/subscriptions", adminToken, "{\"viewer_id\":\"%s\",\"plan\":\"premium\",\"days\":30}"
                .formatted(subjectOf(waltToken))), 201);
        setAccessLevel("premium");
        try {
            String copied = playbackUrl(waltToken);
            String variant = call("GET", copied, waltToken, null).body().lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank()).findFirst().orElseThrow();
            String variantPath = URI.create(gateway + copied).resolve(variant).getPath();
            String media = call("GET", variantPath, waltToken, null).body();
            String segment = media.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).reduce((a, b) -> b).orElseThrow();
            String segmentPath = URI.create(gateway + variantPath).resolve(segment).getPath();

            for (String path : List.of(copied, variantPath, segmentPath)) {
                assertThat(call("GET", path, null, null).statusCode()).as("anonymous " + path).isEqualTo(401);
                assertThat(call("GET", path, consumerToken("vera"), null).statusCode()).as("free viewer").isEqualTo(403);
                assertThat(call("GET", path, consumerToken("mona"), null).statusCode()).as("consumer admin").isEqualTo(403);
                assertThat(call("GET", path, waltToken, null).statusCode()).as("walt " + path).isEqualTo(200);
            }
            assertThat(media).contains("#EXTINF");
            // the anonymous URL issued while the stream was public stops once the gateway sees the new level
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                    .until(() -> call("GET", anonymousUrl, null, null).statusCode() == 403);

            // the player's hls.js sends walt's access token with every playlist and segment
            walt.open("/player/?stream=" + STREAM_ID);
            awaitPlaying(walt);
            walt.screenshot("player-premium");
        } finally {
            setAccessLevel("public");
        }
    }

    /**
     * The seam {@code POST /internal/catalog/sessions}: streaming-control's own publisher (its JSON,
     * its service token) reaches viewer-service's real validation and store, with and without the
     * operator's catalog details, live and ended; a detail the shared record's rules refuse is
     * answered 400 problem+json naming the field, and creates nothing.
     */
    @Test
    @Order(9)
    void shouldStoreTheCatalogSessionEventsStreamingControlSendsAndNameTheFieldAtFaultOfABadOne() {
        String auth = "http://127.0.0.1:" + launcher.port("LUNORA_AUTH_PORT");
        try (StreamingControlCatalogRelay catalog = new StreamingControlCatalogRelay(
                "http://127.0.0.1:" + launcher.port("LUNORA_VIEWER_PORT"), auth + "/oauth2/token",
                home.resolve("data").resolve(ServiceClient.STREAMING_CONTROL.secretFileName()))) {
            catalog.publisher().live(session("contract-detailed"), "contract-detailed",
                    new StreamDetails("Harbour Lights Live", "Boats at dusk\nand the gulls", "nature"));
            assertAnswered(catalog.last(), 204);
            assertThat(catalog.last().request().header("Authorization")).startsWith("Bearer ");
            JsonNode detailed = JSON.readTree(call("GET", "/api/streams/contract-detailed", null, null).body());
            assertThat(detailed.path("title").asString()).isEqualTo("Harbour Lights Live");
            assertThat(detailed.path("description").asString()).isEqualTo("Boats at dusk\nand the gulls");
            assertThat(detailed.path("category").asString()).isEqualTo("nature");
            assertThat(detailed.path("is_live").asBoolean()).isTrue();

            StreamSession plain = session("contract-plain");
            catalog.publisher().live(plain, "contract-plain", null);
            assertAnswered(catalog.last(), 204);
            JsonNode untitled = JSON.readTree(call("GET", "/api/streams/contract-plain", null, null).body());
            assertThat(untitled.path("title").asString()).isEqualTo("Live stream");
            assertThat(untitled.path("category").asString()).isEqualTo("general");
            catalog.publisher().ended(plain, "contract-plain");
            assertAnswered(catalog.last(), 204);
            assertThat(JSON.readTree(call("GET", "/api/streams/contract-plain", null, null).body())
                    .path("is_live").asBoolean()).isFalse();

            catalog.publisher().live(session("contract-overlong"), "contract-overlong",
                    new StreamDetails("x".repeat(121), null, "nature"));
            assertRefused(catalog.last(), "catalog.title");
            catalog.publisher().live(session("contract-category"), "contract-category",
                    new StreamDetails("Fine title", null, "Not A Category!"));
            assertRefused(catalog.last(), "catalog.category");
            assertThat(call("GET", "/api/streams/contract-overlong", null, null).statusCode()).isEqualTo(404);
            assertThat(call("GET", "/api/streams/contract-category", null, null).statusCode()).isEqualTo(404);
        }
    }

    /** A session of another organization than the live program's, as streaming-control records it. */
    private static StreamSession session(String id) {
        return new StreamSession("org-catalog-contract", id, "otto", "sub-otto", Instant.now(), null,
                SessionStatus.ACTIVE, null, List.of(), null, List.of(), List.of(), false, null, id, 1L);
    }

    private static void assertAnswered(StreamingControlCatalogRelay.Exchange exchange, int status) {
        assertThat(exchange.answer().status()).as("%s -> %s", exchange.request().body(), exchange.answer().body())
                .isEqualTo(status);
    }

    private static void assertRefused(StreamingControlCatalogRelay.Exchange exchange, String field) {
        assertAnswered(exchange, 400);
        assertThat(exchange.answer().contentType()).startsWith("application/problem+json");
        JsonNode errors = JSON.readTree(exchange.answer().body()).path("errors");
        assertThat(errors.findValuesAsString("field")).containsExactly(field);
    }

    /** The playback URL viewer-service issues to this caller (anonymous when null). */
    private String playbackUrl(String token) {
        HttpResponse<String> start = call("POST", "/api/viewing/start", token,
                "{\"stream_id\":\"" + STREAM_ID + "\",\"device_type\":\"web\"}");
        expect(start, 200);
        return JSON.readTree(start.body()).path("playback_url").asString();
    }

    private void setAccessLevel(String level) {
        JsonNode entry = null;
        for (JsonNode e : JSON.readTree(call("GET", "/api/viewer-admin/catalog", adminToken, null).body())) {
            entry = STREAM_ID.equals(e.path("stream_id").asString()) ? e : entry;
        }
        assertThat(entry).as("the catalog entry of " + STREAM_ID).isNotNull();
        ObjectNode edit = JSON.createObjectNode().put("title", entry.path("title").asString())
                .put("description", entry.path("description").asString()).put("category", entry.path("category").asString())
                .put("access_level", level).put("version", entry.path("version").asLong());
        edit.set("tags", entry.path("tags"));
        expect(call("PUT", "/api/viewer-admin/catalog/" + STREAM_ID, adminToken, edit.toString()), 200);
    }

    /** An access token of a consumer viewer, by the watch portal's code flow with PKCE over HTTP. */
    private String consumerToken(String username) {
        OidcFlow flow = new OidcFlow(gateway, gateway);
        OidcFlow.Authorization authorization = OidcFlow.newAuthorization("lunora-watch", gateway);
        return flow.exchange(authorization, flow.signIn(flow.browser(), authorization, username, VIEWER_PASSWORD))
                .accessToken();
    }

    private static String subjectOf(String accessToken) {
        return JSON.readTree(java.util.Base64.getUrlDecoder().decode(accessToken.split("\\.")[1])).path("sub").asString();
    }

    private void signIn(Chromium browser, String app, String username) {
        browser.open(app);
        browser.click(By.id("sign-in"));
        browser.awaitPath("/login");
        browser.type(By.id("username"), username);
        browser.type(By.id("password"), VIEWER_PASSWORD);
        browser.click(By.cssSelector("button[type=submit]"));
        browser.awaitPath(app);
        browser.awaitText(By.id("user-name"), username);
    }

    /** Waits until the video element plays (its clock past zero); answers that time. */
    private static double awaitPlaying(Chromium browser) {
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(250)).until(() -> currentTime(browser) > 0.2);
        return currentTime(browser);
    }

    private static double currentTime(Chromium browser) {
        Object t = browser.script("const v = document.getElementById('video'); return v ? v.currentTime : 0;");
        return t instanceof Number n ? n.doubleValue() : 0;
    }

    private void registerByApi(String username) {
        String email = username + "@viewers.example.com";
        expect(call("POST", "/auth/api/register", null, "{\"username\":\"" + username + "\",\"email\":\"" + email
                + "\",\"password\":\"" + VIEWER_PASSWORD + "\"}"), 202);
        expect(call("POST", "/auth/api/verify", null, "{\"username\":\"" + username + "\",\"code\":\""
                + codeMailedTo(email) + "\"}"), 200);
    }

    /** The code of the newest mail to this address, from the auth service's local mailbox (newest first). */
    private String codeMailedTo(String email) {
        String mailbox = "http://127.0.0.1:" + launcher.port("LUNORA_AUTH_PORT") + "/internal/dev/mail";
        return await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(300)).until(() -> {
            String body = send(HttpRequest.newBuilder(URI.create(mailbox)).GET().build()).body();
            for (String mail : body.split("={20,}")) {
                Matcher m = CODE.matcher(mail);
                if (mail.toLowerCase(Locale.ROOT).contains("to:      " + email) && m.find()) {
                    return m.group(1);
                }
            }
            return null;
        }, code -> code != null);
    }

    private HttpResponse<String> call(String method, String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void expect(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as("%s %s", response.request().uri(), response.body()).isEqualTo(status);
    }

    /** Whether a UDP socket is bound to the port (the engine's SRT listener). */
    private static boolean udpBound(int port) throws IOException {
        String hex = ":" + String.format("%04X", port);
        for (Path table : List.of(Path.of("/proc/net/udp"), Path.of("/proc/net/udp6"))) {
            if (Files.exists(table) && Files.readAllLines(table).stream().skip(1)
                    .anyMatch(l -> l.trim().split("\\s+")[1].endsWith(hex))) {
                return true;
            }
        }
        return false;
    }
}
