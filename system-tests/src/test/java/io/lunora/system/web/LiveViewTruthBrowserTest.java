package io.lunora.system.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.system.streaming.GatewayApi;
import io.lunora.system.streaming.RecordingReceiver;
import io.lunora.system.streaming.RunningStack;
import io.lunora.system.streaming.SrtTestSource;
import io.lunora.system.streaming.StreamingStack;
import io.lunora.testing.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 15's "the live view tells the truth" in headless Chromium on the whole real stack with the
 * media engine: no page of the five apps shows a literal {@code null} or {@code undefined}, at
 * desktop and phone size, with nothing live and while live; with no encoder connected the live
 * view says the slate is on air instead of "LIVE, source primary"; the engine's speed, lag and
 * drops reach each destination's row; a frozen rendition encoder (SIGSTOP) raises "Behind real
 * time"; End stream asks first and the server's session then is over.
 */
@EnabledOnOs(OS.LINUX)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveViewTruthBrowserTest {
    static final String KEY = "truth-live-key-4e8c2a";
    static final Dimension DESKTOP = new Dimension(1440, 900);
    static final Dimension PHONE = new Dimension(390, 844);
    static final Pattern LITERAL = Pattern.compile("\\b(null|undefined|NaN)\\b");
    static final List<String> OPERATOR_PAGES = List.of("/stream/", "/stream/live");
    static final List<String> ADMIN_PAGES = List.of("/admin/", "/admin/users", "/admin/sources", "/admin/presets",
            "/admin/destinations", "/admin/live", "/admin/analytics");
    static final List<String> PUBLIC_PAGES = List.of("/watch/", "/watch/search", "/watch/categories",
            "/watch/library", "/watch/upgrade", "/watch/profile", "/player/", "/viewer-admin/");

    @TempDir
    static Path home;
    @TempDir
    static Path media;

    RunningStack stack;
    GatewayApi api;
    Chromium admin;
    Chromium operator;
    Chromium visitor;
    RecordingReceiver receiver;
    SrtTestSource camera;
    String destinationId;
    final int primaryPort = FreePorts.next();
    final int secondaryPort = FreePorts.next();

    @BeforeAll
    void startTheStack() {
        stack = StreamingStack.start(home);
        api = stack.api();
    }

    @AfterAll
    void stopEverything() {
        Stream.of(camera).filter(Objects::nonNull).forEach(SrtTestSource::close);
        Stream.of(receiver).filter(Objects::nonNull).forEach(RecordingReceiver::close);
        Stream.of(admin, operator, visitor).filter(Objects::nonNull).forEach(Chromium::close);
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void shouldPrepareAnOperatorWithOneDestination() {
        admin = WebSignIn.admin(stack.gateway(), "Browser-Truth-Admin-42");
        admin.awaitText(By.tagName("h1"), "System overview");
        String token = adminToken();
        assertThat(StreamingStack.saveSources(api, token, primaryPort, secondaryPort).status()).isEqualTo(200);
        GatewayApi.Answer preset = api.post(token, "/api/presets", StreamingStack.PRESET_JSON);
        assertThat(preset.status()).as(preset.body()).isEqualTo(201);
        assertThat(api.post(token, "/api/users",
                "{\"username\":\"tess\",\"email\":\"tess@example.com\",\"group\":\"operators\"}").status()).isEqualTo(201);

        operator = WebSignIn.operator(stack.gateway(), "tess", stack.users().temporaryPasswordOf("tess"),
                "Browser-Truth-Operator-7");
        receiver = RecordingReceiver.listen(FreePorts.next(), KEY, media.resolve("out.flv"));
        GatewayApi.Answer created = api.post(operatorToken(), "/api/destinations", """
                {"name":"Truth out","platform":"custom","rtmp_url":"%s","stream_key":"%s",
                 "preset_id":"%s","enabled":true,"auto_start":false}"""
                .formatted(receiver.url(), KEY, preset.json().path("preset_id").asString()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        destinationId = created.json().path("destination_id").asString();
        visitor = new Chromium(stack.gateway());
    }

    @Test
    @Order(2)
    void shouldShowNoLiteralNullOrUndefinedOnAnyPageWithNothingLive() {
        walk("idle");
        admin.driver.manage().window().setSize(DESKTOP);
        admin.open("/admin/");
        admin.awaitText(By.tagName("h1"), "System overview");
        settled(admin, Duration.ofMillis(2500));
        assertThat((String) admin.script("const a = document.activeElement;"
                + " return a && a.tagName === 'H1' ? getComputedStyle(a).outlineStyle : 'none';"))
                .as("the heading focused on load draws no focus box").isEqualTo("none");
        admin.screenshot("truth-admin-overview");
    }

    @Test
    @Order(3)
    void shouldSayTheSlateIsOnAirWhileNoEncoderIsConnected() {
        operator.driver.manage().window().setSize(DESKTOP);
        operator.open("/stream/");
        operator.awaitText(By.id("destination-list"), "Truth out");
        if (!operator.driver.findElement(By.id("select-" + destinationId)).isSelected()) {
            operator.click(By.id("select-" + destinationId));
        }
        operator.click(By.id("quality-medium"));
        operator.awaitText(By.id("ready-summary"), "1 selected, 1 ready");

        operator.click(By.id("start-streaming"));

        operator.awaitPath("/stream/live");
        // no encoder sends yet: the program is the slate (or waits for a first signal), never "source primary"
        new WebDriverWait(operator.driver, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
                .until(d -> List.of("slate", "waiting").contains(d.findElement(By.id("active-input")).getAttribute("data-kind")));
        assertThat(operator.driver.findElement(By.id("live-heading")).getText()).matches("LIVE: .*|Starting");
        assertThat(operator.driver.findElement(By.id("live-source")).getText()).doesNotContain("primary");
        operator.screenshot("truth-live-no-source");
    }

    @Test
    @Order(4)
    void shouldShowTheEnginesSpeedLagAndInputsWhileLive() {
        camera = SrtTestSource.call(primaryPort, media.resolve("camera.log"));

        awaitState("live");
        operator.awaitText(By.id("active-input"), "primary");
        operator.awaitText(By.id("live-heading"), "LIVE");
        // the engine's measurements arrive through /api/streaming/status at the gateway
        new WebDriverWait(operator.driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector("[data-speed='" + destinationId + "']")).getText().endsWith("×"));
        // the row may show the first reading (0.00×) before the encoder's progress has come in
        GatewayApi.Answer status = await().atMost(Duration.ofSeconds(30)).until(
                () -> api.get(operatorToken(), "/api/streaming/status"),
                s -> s.json().path("channel").path("outputs").get(0).path("speed").asDouble() > 0);
        assertThat(status.json().path("channel").path("outputs").get(0).path("speed").asDouble()).isPositive();
        assertThat(status.json().path("channel").path("on_air").asString()).isEqualTo("primary");
        assertThat(operator.driver.findElement(By.cssSelector("#live-inputs li[data-input='primary']"))
                .getAttribute("data-connected")).isEqualTo("true");
        assertThat(operator.driver.findElement(By.id("live-failover-count")).getText()).isEqualTo("Failovers this session: 0");
        assertThat(operator.driver.findElement(By.id("end-stream")).isDisplayed()).isTrue();
        operator.screenshot("truth-live-healthy");

        walk("live");
    }

    @Test
    @Order(5)
    void shouldWarnBehindRealTimeWhileTheRenditionEncoderIsFrozen() {
        operator.driver.manage().window().setSize(DESKTOP);
        operator.open("/stream/live");
        awaitState("live");
        new WebDriverWait(operator.driver, Duration.ofSeconds(30)).until(d -> !Double.isNaN(speedShown()));
        double before = speedShown();
        long encoder = renditionEncoder();
        signal(encoder, "STOP");
        try {
            // a loaded machine may be behind already: the warning must show the frozen encoder itself,
            // as an output that sends nothing or whose speed against real time fell
            new WebDriverWait(operator.driver, Duration.ofSeconds(40)).ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.id("live-behind")).isDisplayed()
                            && (d.findElement(By.id("live-behind")).getText().contains("Truth out has sent nothing")
                                    || speedShown() < before - 0.02));
            String warning = operator.driver.findElement(By.id("live-behind")).getText();
            assertThat(warning).contains("Behind real time").contains("fewer destinations");
            operator.screenshot("truth-live-behind-real-time");
        } finally {
            signal(encoder, "CONT");
        }
    }

    @Test
    @Order(6)
    void shouldEndTheStreamOnlyAfterConfirmingAndEndTheServersSession() {
        operator.click(By.id("end-stream"));
        operator.await(By.cssSelector("dialog[open]"));
        assertThat(api.get(operatorToken(), "/api/streaming/status").json().path("session").path("status").asString())
                .as("nothing ends before the confirmation").isIn("active", "starting");
        operator.confirm();

        operator.awaitText(By.id("live-heading"), "Not streaming");
        new WebDriverWait(operator.driver, Duration.ofSeconds(30)).until(d ->
                api.get(operatorToken(), "/api/streaming/status").json().path("session").isNull());
        assertThat(api.get(operatorToken(), "/api/streaming/sessions").json().get(0).path("status").asString())
                .isEqualTo("stopped");
        assertThat(operator.driver.findElement(By.id("live-elapsed")).getText()).isEmpty();
        assertThat(operator.driver.findElements(By.id("end-stream"))).allMatch(e -> !e.isDisplayed());
        assertThat(operator.driver.findElements(By.id("switch-source"))).allMatch(e -> !e.isDisplayed());
        assertThat(receiver.publishedOnItsKey()).isTrue();
        operator.driver.manage().window().setSize(PHONE);
        operator.screenshot("truth-ended-phone");
    }

    /** The speed against real time on the destination's row (e.g. "0.98×"), NaN when none is shown. */
    private double speedShown() {
        try {
            String text = operator.driver.findElement(By.cssSelector("[data-speed='" + destinationId + "']")).getText();
            return text.endsWith("×") ? Double.parseDouble(text.substring(0, text.length() - 1)) : Double.NaN;
        } catch (org.openqa.selenium.NoSuchElementException | StaleElementReferenceException | NumberFormatException gone) {
            return Double.NaN;
        }
    }

    /** Every page of the five apps at desktop and phone size: no visible literal null, undefined or NaN. */
    private void walk(String moment) {
        List<String> found = new ArrayList<>();
        found.addAll(literals(operator, OPERATOR_PAGES));
        found.addAll(literals(admin, ADMIN_PAGES));
        found.addAll(literals(visitor, PUBLIC_PAGES));
        assertThat(found).as("pages showing a literal null/undefined (%s)", moment).isEmpty();
    }

    /** Each page once, read at desktop size and again after a resize to phone size (no reload). */
    private List<String> literals(Chromium browser, List<String> pages) {
        List<String> found = new ArrayList<>();
        for (String page : pages) {
            browser.driver.manage().window().setSize(DESKTOP);
            browser.open(page);
            browser.await(By.tagName("body"));
            for (Dimension size : List.of(DESKTOP, PHONE)) {
                browser.driver.manage().window().setSize(size);
                String text = settled(browser, size == DESKTOP ? Duration.ofMillis(1500) : Duration.ofMillis(400));
                if (LITERAL.matcher(text).find()) {
                    found.add(page + " at " + size.getWidth() + "px: " + text.replace('\n', ' '));
                }
            }
        }
        return found;
    }

    /**
     * The page's text once its lists and the live panel's first status reading have arrived: at
     * least {@code atLeast}, then until it has not changed for a second (at most 6 s in all). Digits
     * do not count as a change: the live clock and the meters tick every second.
     */
    private static String settled(Chromium browser, Duration atLeast) {
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(6).toNanos();
        String text = bodyText(browser);
        long changedAt = start;
        while (System.nanoTime() < deadline) {
            pause(250);
            String now = bodyText(browser);
            if (!now.replaceAll("\\d", "").equals(text.replaceAll("\\d", ""))) {
                text = now;
                changedAt = System.nanoTime();
            } else if (System.nanoTime() - start >= atLeast.toNanos()
                    && System.nanoTime() - changedAt >= Duration.ofSeconds(1).toNanos()) {
                break;
            }
            text = now;
        }
        return text;
    }

    private static String bodyText(Chromium browser) {
        return Objects.toString(browser.script("return document.body.innerText;"), "");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The destination's rendition encoder: the engine's FFmpeg child that reads the program from
     * its stdin and writes MPEG-TS to its stdout with the program's timestamps.
     */
    private long renditionEncoder() {
        long engine;
        try {
            engine = Long.parseLong(Files.readString(home.resolve("run/media-engine.pid")).trim());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<Long> found = ProcessHandle.of(engine).orElseThrow().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> {
                    List<String> args = commandLine(p.pid());
                    return !args.isEmpty() && args.contains("-start_at_zero") && args.contains("pipe:0")
                            && args.getLast().equals("pipe:1");
                }).map(ProcessHandle::pid).toList();
        assertThat(found).as("the rendition encoders under the engine (pid %d)", engine).hasSize(1);
        return found.getFirst();
    }

    private static List<String> commandLine(long pid) {
        try {
            return List.of(new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"))).split("\0"));
        } catch (IOException gone) {
            return List.of();
        }
    }

    private static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(kill.waitFor(5, TimeUnit.SECONDS)).isTrue();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitState(String state) {
        new WebDriverWait(operator.driver, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("#live-destinations li[data-destination='" + destinationId + "']"))
                        .stream().findFirst().map(e -> state.equals(e.getAttribute("data-state"))).orElse(false));
    }

    private String adminToken() {
        return WebSignIn.adminToken(admin);
    }

    private String operatorToken() {
        return WebSignIn.operatorToken(operator);
    }
}
