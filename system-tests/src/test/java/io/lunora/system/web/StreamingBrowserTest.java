package io.lunora.system.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.system.streaming.GatewayApi;
import io.lunora.system.streaming.MediaTools;
import io.lunora.system.streaming.RecordingReceiver;
import io.lunora.system.streaming.RunningStack;
import io.lunora.system.streaming.SrtTestSource;
import io.lunora.system.streaming.StreamingStack;
import io.lunora.system.streaming.VideoProbe;
import io.lunora.testing.FreePorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * Issue 6's streaming flow in headless Chromium on the whole real stack: the operator starts
 * streaming to two loopback RTMP receivers from the setup wizard, sees both LIVE on the live
 * panel (Server-Sent Events), stops one and sees it stop while the other stays LIVE, sees the
 * failover when the primary encoder dies, and ends the stream; the admin then finds the session
 * in the history with its bitrate chart and failover. The admin's setup (failover sources, a
 * custom preset, the operator's invitation) and the two destinations go through the API with the
 * browsers' own tokens; the other screens are {@link WebAppsBrowserTest}'s.
 */
@EnabledOnOs(OS.LINUX)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StreamingBrowserTest {
    static final List<String> KEYS = List.of("browser-live-key-3c9e1a", "browser-live-key-7f2b5d");

    @TempDir
    static Path home;
    @TempDir
    static Path media;

    RunningStack stack;
    GatewayApi api;
    Chromium admin;
    Chromium operator;
    final int primaryPort = FreePorts.next();
    final int secondaryPort = FreePorts.next();
    final List<String> destinationIds = new ArrayList<>();
    final List<RecordingReceiver> receivers = new ArrayList<>();
    SrtTestSource primary;
    SrtTestSource secondary;
    /** The session's recording, once listed. */
    String recordingId;

    @BeforeAll
    void startTheStack() {
        stack = StreamingStack.start(home);
        api = stack.api();
    }

    @AfterAll
    void stopEverything() {
        Stream.of(primary, secondary).filter(java.util.Objects::nonNull).forEach(SrtTestSource::close);
        receivers.forEach(RecordingReceiver::close);
        Stream.of(admin, operator).filter(java.util.Objects::nonNull).forEach(Chromium::close);
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void shouldPrepareTheStudioAsAdmin() {
        admin = WebSignIn.admin(stack.gateway(), "Browser-Streaming-Admin-42");
        admin.awaitText(By.tagName("h1"), "System overview");
        String token = WebSignIn.adminToken(admin);

        assertThat(StreamingStack.saveSources(api, token, primaryPort, secondaryPort).status()).isEqualTo(200);
        GatewayApi.Answer preset = api.post(token, "/api/presets", StreamingStack.PRESET_JSON);
        assertThat(preset.status()).as(preset.body()).isEqualTo(201);
        assertThat(api.post(token, "/api/users",
                "{\"username\":\"oscar\",\"email\":\"oscar@example.com\",\"group\":\"operators\"}").status()).isEqualTo(201);

        operator = WebSignIn.operator(stack.gateway(), "oscar", stack.users().temporaryPasswordOf("oscar"),
                "Browser-Streaming-Operator-7");
        String operatorToken = WebSignIn.operatorToken(operator);
        for (int i = 0; i < KEYS.size(); i++) {
            RecordingReceiver receiver = RecordingReceiver.listen(FreePorts.next(), KEYS.get(i), media.resolve(i + ".flv"));
            receivers.add(receiver);
            GatewayApi.Answer created = api.post(operatorToken, "/api/destinations", """
                    {"name":"Studio out %d","platform":"custom","rtmp_url":"%s","stream_key":"%s",
                     "preset_id":"%s","enabled":true,"auto_start":false}"""
                    .formatted(i + 1, receiver.url(), KEYS.get(i), preset.json().path("preset_id").asString()));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            destinationIds.add(created.json().path("destination_id").asString());
        }
    }

    /**
     * The inputs listen as soon as the sources are saved: both encoders connect before any session,
     * the wizard shows them connected and the admin sees each one's latest picture.
     */
    @Test
    @Order(2)
    void shouldCheckBothEncodersBeforeGoingLive() {
        primary = SrtTestSource.call(primaryPort, media.resolve("primary.log"));
        secondary = SrtTestSource.call(secondaryPort, media.resolve("secondary.log"), SrtTestSource.BARS);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            operator.driver.navigate().refresh();
            new WebDriverWait(operator.driver, Duration.ofSeconds(10)).until(d -> !d.findElement(By.id("source-status"))
                    .getText().contains("checking"));
            // the encoders' own stream as the engine read it: SrtTestSource sends H.264 320x180 at 24 fps
            String line = operator.driver.findElement(By.id("source-status")).getText();
            for (String input : List.of("primary", "secondary")) {
                assertThat(line).containsPattern(input + ": OK \\d+ kbps \\(H264 320x180 24 fps · AAC 48 kHz mono\\)");
            }
        });
        awaitPicture(operator, "wizard-preview-primary");
        awaitPicture(operator, "wizard-preview-secondary");
        operator.screenshot("operator-sources-connected-before-start");

        admin.click(By.cssSelector("nav a[href='/admin/sources']"));
        awaitPicture(admin, "preview-primary");
        awaitPicture(admin, "preview-secondary");
        admin.click(By.id("test-sources"));
        admin.awaitText(By.id("source-test-result"), "secondary connected");
        String measured = admin.driver.findElement(By.id("source-test-result")).getText();
        for (String input : List.of("primary", "secondary")) {
            assertThat(measured).as("what the test measured").containsPattern(
                    input + " connected, \\d+ kbps, H264 320x180 24 fps · AAC 48 kHz mono");
        }
        admin.screenshot("admin-input-previews-before-start");
        GatewayApi.Answer status = api.get(WebSignIn.adminToken(admin), "/api/streaming/status");
        assertThat(status.json().path("session").isNull()).as("no session yet: %s", status.body()).isTrue();
    }

    @Test
    @Order(3)
    void shouldStartStreamingToTwoReceiversAndShowBothLive() {
        operator.driver.navigate().refresh();
        operator.awaitText(By.id("destination-list"), "Studio out 2");
        for (String id : destinationIds) {
            if (!operator.driver.findElement(By.id("select-" + id)).isSelected()) {
                operator.click(By.id("select-" + id));
            }
        }
        operator.click(By.id("quality-medium"));
        operator.awaitText(By.id("ready-summary"), "2 selected, 2 ready");
        // what viewers will see of it, and a recording of the program
        operator.type(By.id("stream-title"), "Studio Friday Live");
        operator.type(By.id("stream-description"), "Two cameras, one program.");
        operator.type(By.id("stream-category"), "music");
        operator.click(By.id("record-stream"));
        operator.screenshot("operator-ready-to-stream");

        operator.click(By.id("start-streaming"));

        operator.awaitPath("/stream/live");
        for (String id : destinationIds) {
            awaitState(id, "live");
        }
        operator.awaitText(By.id("live-heading"), "LIVE");
        operator.awaitText(By.id("active-input"), "primary");
        // the engine's counters arrive with the next events
        new WebDriverWait(operator.driver, Duration.ofSeconds(20)).until(d -> !d.findElement(By.id("live-bandwidth"))
                .getText().matches(".*\\b0(\\.0)? Mbps.*"));
        assertThat(operator.driver.findElement(By.id("live-failover")).isDisplayed()).as("going on air is no failover").isFalse();
        // "Record this stream": the live panel shows the recording and its size as the engine writes it
        new WebDriverWait(operator.driver, Duration.ofSeconds(20)).until(d -> d.findElement(By.id("live-recording"))
                .getText().matches("Recording · [1-9][0-9.]* (kB|MB|GB)"));
        assertThat(operator.driver.getPageSource()).doesNotContain(KEYS.get(0)).doesNotContain(KEYS.get(1));
        operator.screenshot("operator-live-streaming");

        // the viewer portal lists the stream under the operator's title, description and category
        // (its listing is cached for a few seconds)
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode listed = api.get(null, "/api/streams/live").json().path("items");
            assertThat(listed).as(listed.toString()).anySatisfy(stream -> {
                assertThat(stream.path("title").asString()).isEqualTo("Studio Friday Live");
                assertThat(stream.path("description").asString()).isEqualTo("Two cameras, one program.");
                assertThat(stream.path("category").asString()).isEqualTo("music");
            });
        });
    }

    @Test
    @Order(4)
    void shouldStopOneDestinationWhileTheOtherStaysLive() {
        operator.click(By.cssSelector("button[data-stop='" + destinationIds.get(0) + "']"));
        operator.confirm(); // stopping a live destination asks first

        awaitState(destinationIds.get(0), "stopped");
        assertThat(stateOf(destinationIds.get(1))).isEqualTo("live");
        operator.await(By.cssSelector("button[data-retry='" + destinationIds.get(0) + "']"));
        assertThat(receivers.get(1).isAlive()).isTrue();
        operator.screenshot("operator-live-one-stopped");
    }

    /** The admin's "Force failover" against the real engine: the program moves to the secondary. */
    @Test
    @Order(5)
    void shouldForceAFailoverFromTheAdminConsole() {
        admin.click(By.cssSelector("nav a[href='/admin/sources']"));
        admin.click(By.id("force-failover"));
        admin.confirm();

        operator.awaitText(By.id("active-input"), "secondary");
        await().atMost(Duration.ofSeconds(20)).until(() -> "secondary".equals(onAir()));
        // let the receivers record some seconds of the secondary
        await().pollDelay(Duration.ofSeconds(4)).until(() -> true);
        admin.screenshot("admin-forced-failover");
    }

    /** The operator's "Switch source" against the real engine: the program returns to the primary. */
    @Test
    @Order(6)
    void shouldSwitchBackToThePrimaryFromTheLivePanel() {
        operator.click(By.id("switch-source"));
        operator.confirm();

        operator.awaitText(By.id("active-input"), "primary");
        await().atMost(Duration.ofSeconds(20)).until(() -> "primary".equals(onAir()));
        await().pollDelay(Duration.ofSeconds(4)).until(() -> true);
        assertThat(stateOf(destinationIds.get(1))).isEqualTo("live");
    }

    /** "Pause all" against the real engine: the slate on air, every destination still live; Resume brings the primary back. */
    @Test
    @Order(7)
    void shouldPauseEveryDestinationOnTheSlateAndResume() {
        operator.click(By.id("pause-all"));

        operator.awaitText(By.id("live-heading"), "paused, slate on air");
        await().atMost(Duration.ofSeconds(20)).until(() -> "slate".equals(programOnAir()));
        await().pollDelay(Duration.ofSeconds(3)).until(() -> true); // a few seconds of slate at the receivers
        assertThat(destinationIds.subList(1, destinationIds.size())).allMatch(id -> "live".equals(stateOf(id)));
        operator.screenshot("operator-live-paused");

        operator.awaitText(By.id("pause-all"), "Resume");
        operator.click(By.id("pause-all"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "primary".equals(programOnAir()));
        operator.awaitText(By.id("pause-all"), "Pause all");
        assertThat(stateOf(destinationIds.get(1))).isEqualTo("live");
    }

    /** What the program carries now (an input or the slate), as the engine reports it. */
    private String programOnAir() {
        return api.get(WebSignIn.adminToken(admin), "/api/streaming/status").json().path("channel")
                .path("on_air").asString();
    }

    /** Waits until the image is shown and decoded: the browser fetched the JPEG with its token. */
    private static void awaitPicture(Chromium browser, String id) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(browser.script(
                "const i = document.getElementById(arguments[0]); return i != null && !i.hidden && i.complete"
                        + " && i.naturalWidth > 0;", id)));
    }

    private String onAir() {
        return api.get(WebSignIn.adminToken(admin), "/api/sources/status").json().path("active_input")
                .asString();
    }

    @Test
    @Order(8)
    void shouldShowTheFailoverWhenThePrimaryEncoderDies() {
        primary.kill();

        // the engine may put the slate on air between the two: the alert shows the latest switch
        operator.awaitText(By.id("live-failover"), "→ secondary");
        operator.awaitText(By.id("active-input"), "secondary");
        assertThat(stateOf(destinationIds.get(1))).isEqualTo("live");
        operator.screenshot("operator-live-failover");
    }

    @Test
    @Order(9)
    void shouldEndTheStream() {
        operator.click(By.id("end-stream"));
        operator.confirm();

        operator.awaitText(By.id("live-heading"), "Not streaming");
        assertThat(operator.driver.findElement(By.cssSelector(".live-panel")).getAttribute("data-status")).isEqualTo("stopped");
        assertThat(receivers).allMatch(RecordingReceiver::publishedOnItsKey);
        // "Record this stream": the engine kept the program as MPEG-TS files that ffprobe reads as video
        List<Path> recorded = recordingSegments();
        assertThat(recorded).as("the session's recording under %s", home).isNotEmpty();
        VideoProbe first = VideoProbe.of(recorded.getFirst());
        assertThat(first.codec()).isEqualTo("h264");
        assertThat(first.frames()).isPositive();

        // the operator's alert centre, live: their session completed; Acknowledge changes it on the server
        By completed = By.xpath("//ul[@id='alert-centre']/li[@data-state='open'][contains(., 'Session completed')]");
        operator.await(completed);
        String alertId = operator.driver.findElement(completed).getAttribute("data-alert-id");
        operator.click(By.cssSelector("#alert-centre li[data-alert-id='" + alertId + "'] button"));
        operator.awaitText(By.cssSelector("#alert-centre li[data-alert-id='" + alertId + "'][data-state='acknowledged']"),
                "acknowledged by");
        operator.screenshot("operator-alert-acknowledged");
    }

    /** The engine's recording of this stack's sessions: {@code recordings/<org>/<session>/*.ts}, oldest first. */
    private static List<Path> recordingSegments() {
        try (Stream<Path> files = java.nio.file.Files.walk(home)) {
            return files.filter(f -> f.toString().contains("/recordings/") && f.toString().endsWith(".ts"))
                    .filter(f -> f.toFile().length() > 0).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * What the receiver that stayed live all through recorded, told apart by the picture's corner
     * (the primary's test pattern, the secondary's SMPTE bars): the forced failover, the operator's
     * switch back and the failover after the primary died each changed the program at the far end.
     */
    @Test
    @Order(10)
    void shouldHaveChangedTheProgramAtTheReceiverOnEverySwitch() throws Exception {
        Path recording = media.resolve("1.flv");
        Process probe = MediaTools.ffmpeg().processBuilder(MediaTools.ffmpeg().command(List.of("-hide_banner",
                "-nostdin", "-loglevel", "error", "-i", recording.toString(), "-vf",
                "crop=iw/20:ih/20:0:0,signalstats,metadata=print:key=lavfi.signalstats.YAVG:file=-", "-f", "null", "-")))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> runs = new ArrayList<>();
        int runLength = 0;
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(probe.getInputStream()))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.startsWith("lavfi.signalstats.YAVG=")) {
                    continue;
                }
                double luma = Double.parseDouble(line.substring(line.indexOf('=') + 1));
                // the test pattern's corner is ~73, the bars' ~180, the slate's dark blue below 50
                String picture = luma > 150 ? "secondary" : luma > 55 ? "primary" : "slate";
                if (!runs.isEmpty() && runs.getLast().equals(picture)) {
                    runLength++;
                } else {
                    if (!runs.isEmpty() && runLength < 5) {
                        runs.removeLast(); // a frame or two while a decoder settles is no switch
                    }
                    if (runs.isEmpty() || !runs.getLast().equals(picture)) {
                        runs.add(picture);
                    }
                    runLength = 1;
                }
            }
        }
        assertThat(probe.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        assertThat(runs.stream().filter(r -> !r.equals("slate")).toList()).as("pictures at the receiver: %s", runs)
                .containsSubsequence("primary", "secondary", "primary", "secondary");
        assertThat(runs).as("the pause's slate between the primary and the primary again: %s", runs)
                .containsSubsequence("secondary", "primary", "slate", "primary", "secondary");
    }

    @Test
    @Order(11)
    void shouldShowTheFinishedSessionInTheAdminHistoryWithItsChart() {
        admin.click(By.cssSelector("nav a[href='/admin/analytics']"));
        admin.await(By.cssSelector("#session-rows tr[data-session]"));
        String row = admin.driver.findElement(By.cssSelector("#session-rows tr[data-session]")).getText();
        assertThat(row).contains("Studio out 1").contains("Studio out 2").containsIgnoringCase("stopped");

        admin.click(By.cssSelector("button[data-show-session]"));

        admin.await(By.cssSelector("#session-detail svg.chart"));
        String detail = admin.driver.findElement(By.id("session-detail")).getText();
        assertThat(detail).contains("auto_failover").contains("failover primary→").contains("→secondary");
        admin.script("document.getElementById('session-detail').scrollIntoView();");
        admin.screenshot("admin-session-history");

        // another range is read from the server (every session of the year, not the latest few)
        admin.script("const r = document.getElementById('range'); r.value = '365'; r.dispatchEvent(new Event('change'));");
        admin.await(By.cssSelector("#session-rows tr[data-session]"));
        // the CSV download: the file the browser would save
        String csv = admin.download(By.id("export-csv"));
        assertThat(csv).startsWith("lunora-sessions-last-365-days.csv\nsession_id,status,started_by,start_time")
                .contains("Studio out 1").contains("Studio out 2").contains(",stopped,");
    }

    /** The session recorded since it started: listed in the admin console's Recordings page with its size. */
    @Test
    @Order(12)
    void shouldListTheRecordingInTheAdminConsole() {
        admin.click(By.cssSelector("nav a[href='/admin/recordings']"));
        admin.await(By.cssSelector("#recording-rows tr[data-recording]"));
        JsonNode listed = api.get(WebSignIn.adminToken(admin), "/api/recordings").json();
        assertThat(listed).as(listed.toString()).hasSize(1);
        recordingId = listed.path(0).path("id").asString();
        assertThat(listed.path(0).path("state").asString()).isEqualTo("complete");
        assertThat(listed.path(0).path("bytes").asLong()).isEqualTo(onDisk());

        String row = admin.driver.findElement(By.cssSelector("#recording-rows tr[data-recording='" + recordingId + "']"))
                .getText();
        assertThat(row).contains("oscar").containsPattern("\\d+(\\.\\d)? MB").contains("Complete");
        admin.screenshot("admin-recordings");
    }

    /**
     * Download: the file the browser would save is caught as the link is clicked (its size, and its
     * head as base64: the whole of it through WebDriver would only be slower); ffprobe reads it as video.
     */
    @Test
    @Order(13)
    void shouldDownloadTheRecordingAsAFileFfprobeReadsAsVideo() throws Exception {
        admin.script("window.recordingDownloaded = null; let saved = null; const create = URL.createObjectURL;"
                + " URL.createObjectURL = (blob) => { const head = blob.slice(0, 188 * 8000); const reader = new FileReader();"
                + " reader.onload = () => { saved = { size: blob.size, type: blob.type, head: reader.result.split(',')[1] }; };"
                + " reader.readAsDataURL(head); return create.call(URL, blob); };"
                + " const click = HTMLAnchorElement.prototype.click;"
                + " HTMLAnchorElement.prototype.click = function () { if (!this.download) { return click.call(this); }"
                + " const name = this.download; const wait = () => { if (saved === null) { setTimeout(wait, 50); }"
                + " else { window.recordingDownloaded = { name, ...saved }; } }; wait(); };");
        admin.click(By.cssSelector("button[data-download='" + recordingId + "']"));
        new WebDriverWait(admin.driver, Duration.ofSeconds(60))
                .until(d -> admin.script("return window.recordingDownloaded") != null);

        assertThat(admin.script("return window.recordingDownloaded.name")).isEqualTo(
                "lunora-recording-" + recordingId + ".ts");
        assertThat(((Number) admin.script("return window.recordingDownloaded.size")).longValue())
                .as("every file of the recording, back to back").isEqualTo(onDisk());
        Path head = media.resolve("downloaded-recording.ts");
        java.nio.file.Files.write(head, java.util.Base64.getDecoder().decode(
                admin.script("return window.recordingDownloaded.head").toString()));
        VideoProbe probe = VideoProbe.of(head);
        assertThat(probe.codec()).isEqualTo("h264");
        assertThat(probe.frames()).isPositive();
    }

    @Test
    @Order(14)
    void shouldDeleteTheRecordingFromTheListAndTheDisk() {
        admin.click(By.cssSelector("button[data-delete='" + recordingId + "']"));
        admin.confirm();

        new WebDriverWait(admin.driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("#recording-rows tr[data-recording]")).isEmpty());
        admin.awaitText(By.id("recording-rows"), "No recordings yet");
        assertThat(api.get(WebSignIn.adminToken(admin), "/api/recordings").json()).isEmpty();
        assertThat(recordingSegments()).as("the files are gone from the engine's folder").isEmpty();
    }

    private static long onDisk() {
        return recordingSegments().stream().mapToLong(f -> f.toFile().length()).sum();
    }

    private void awaitState(String destinationId, String state) {
        new WebDriverWait(operator.driver, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
                .until(d -> state.equals(stateOf(destinationId)));
    }

    /** Read in one script: the live panel redraws its rows on every event, so a found element may go stale. */
    private String stateOf(String destinationId) {
        Object state = operator.script("const row = document.querySelector(\"#live-destinations li[data-destination='\""
                + " + arguments[0] + \"']\"); return row ? row.dataset.state : 'absent';", destinationId);
        return state == null ? "absent" : state.toString();
    }
}
