package io.lunora.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.system.stack.Launcher;
import io.lunora.system.streaming.StackUsers;
import io.lunora.testing.FreePorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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

/**
 * The operator and admin web apps in headless Chromium against the real stack started by
 * {@code ./lunora}: the bootstrap admin's first sign-in (new password, TOTP enrolment), inviting
 * an operator, a source setting, a cloned preset; the operator's first sign-in, two destinations
 * with keys, a connection test against a loopback RTMP server, the live panel; an operator kept
 * out of the admin app and API; a renewed session that keeps typed input; sign-out. Each main
 * screen is saved under {@code system-tests/target/screens/} (see docs/screens.md).
 */
@EnabledOnOs(OS.LINUX)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebAppsBrowserTest {
    static final String SERVICES = "dynamodb auth-service source-service destination-service preset-service "
            + "streaming-control-service gateway-service";
    static final String ADMIN_PASSWORD = "Browser-Admin-Chosen-42";
    static final String OPERATOR_PASSWORD = "Browser-Operator-Chosen-7";
    static final String KEY_ONE = "first-secret-key-8f3a";
    static final String KEY_TWO = "second-secret-key-19bd";

    @TempDir
    static Path home;

    Launcher launcher;
    String gateway;
    Chromium admin;
    Chromium operator;

    @BeforeAll
    void startTheStack() {
        // the connectivity test must reach the loopback RTMP receivers of this test
        launcher = new Launcher(home, Map.of("LUNORA_DESTINATION_ALLOWED_PRIVATE_HOSTS", "127.0.0.0/8"));
        Launcher.Result up = launcher.run(SERVICES, "up", "--no-build");
        assertThat(up.exitCode()).as("./lunora up:%n%s", up.output()).isZero();
        gateway = "http://localhost:" + launcher.port("LUNORA_GATEWAY_PORT");
    }

    @AfterAll
    void stopTheStack() {
        for (Chromium browser : new Chromium[] {admin, operator}) {
            if (browser != null) {
                browser.close();
            }
        }
        if (launcher != null) {
            launcher.run("", "down");
        }
    }

    @Test
    @Order(1)
    void shouldOnboardTheAdminInTheBrowserAndOpenTheOverview() {
        admin = new Chromium(gateway);
        admin.open("/admin/");
        admin.await(By.id("sign-in"));
        admin.screenshot("sign-in");
        admin.click(By.id("sign-in"));

        WebSignIn.firstSignIn(admin, "admin", Launcher.ADMIN_PASSWORD, ADMIN_PASSWORD);

        admin.awaitPath("/admin/");
        admin.awaitText(By.tagName("h1"), "System overview");
        admin.await(By.cssSelector("#system-status li"));
        assertThat(admin.driver.findElement(By.id("user-name")).getText()).isEqualTo("admin");
        admin.awaitText(By.id("metric-users"), "1");
        admin.screenshot("admin-overview");
    }

    @Test
    @Order(2)
    void shouldInviteAnOperatorWithFieldErrorsShownNextToTheFields() {
        admin.click(By.cssSelector("nav a[href='/admin/users']"));
        admin.await(By.cssSelector("tr[data-user='admin']"));
        admin.click(By.id("invite-user"));
        admin.type(By.id("invite-username"), "olga");
        admin.type(By.id("invite-email"), "not-an-address");
        admin.click(By.id("invite-send"));

        assertThat(admin.awaitAnyText(By.id("invite-email-error"))).isNotBlank();
        assertThat(admin.driver.findElement(By.id("invite-email")).getAttribute("aria-invalid")).isEqualTo("true");

        admin.type(By.id("invite-email"), "olga@example.com");
        admin.click(By.id("invite-send"));
        admin.await(By.cssSelector("tr[data-user='olga']"));
        assertThat(admin.driver.findElement(By.cssSelector("tr[data-user='olga']")).getText()).contains("olga@example.com");
        admin.screenshot("admin-users");
    }

    @Test
    @Order(3)
    void shouldChangeASourceSetting() {
        admin.click(By.cssSelector("nav a[href='/admin/sources']"));
        admin.type(By.id("failover-threshold"), "7");
        admin.click(By.id("mode-auto_failover"));
        admin.click(By.id("save-sources"));

        admin.awaitText(By.id("source-saved"), "Saved");
        admin.screenshot("admin-sources");
        admin.driver.navigate().refresh();
        assertThat(admin.await(By.id("failover-threshold")).getAttribute("value")).isEqualTo("7");
        assertThat(admin.driver.findElement(By.id("mode-auto_failover")).isSelected()).isTrue();
    }

    @Test
    @Order(4)
    void shouldCloneABuiltInPreset() {
        admin.click(By.cssSelector("nav a[href='/admin/presets']"));
        admin.click(By.cssSelector("button[data-clone='YouTube HD']"));
        admin.type(By.id("clone-name"), "YouTube HD Studio");
        admin.click(By.id("clone-save"));

        admin.await(By.cssSelector("#custom-presets li[data-preset='YouTube HD Studio']"));
        assertThat(admin.driver.findElement(By.id("builtin-presets")).getText()).contains("YouTube HD").contains("LinkedIn Mobile");
        admin.screenshot("admin-presets");

        for (String[] screen : new String[][] {{"destinations", "Streaming destinations"}, {"live", "Live streaming dashboard"},
                {"analytics", "System analytics"}}) {
            admin.click(By.cssSelector("nav a[href='/admin/" + screen[0] + "']"));
            admin.awaitText(By.tagName("h1"), screen[1]);
            admin.screenshot("admin-" + screen[0]);
        }
    }

    @Test
    @Order(5)
    void shouldOnboardTheOperatorAndConfigureTwoDestinationsWithKeys() {
        operator = WebSignIn.operator(gateway, "olga", new StackUsers(launcher).temporaryPasswordOf("olga"), OPERATOR_PASSWORD);
        operator.awaitText(By.tagName("h1"), "Stream setup");
        addDestination("Studio receiver A", KEY_ONE, FreePorts.next());
        operator.screenshot("operator-stream-key-modal-filled");
        operator.click(By.id("dest-save"));
        operator.await(By.cssSelector("li[data-destination] label"));
        addDestination("Studio receiver B", KEY_TWO, FreePorts.next());
        operator.click(By.id("dest-save"));

        operator.awaitText(By.id("destination-list"), "Studio receiver B");
        String list = operator.driver.findElement(By.id("destination-list")).getText();
        assertThat(list).contains("Studio receiver A").contains("Studio receiver B").contains("****");
        assertThat(operator.driver.getPageSource()).doesNotContain(KEY_ONE).doesNotContain(KEY_TWO);
        operator.click(By.cssSelector("#destination-list input[type=checkbox]"));
        operator.awaitText(By.id("ready-summary"), "1 selected, 1 ready");
        operator.screenshot("operator-setup");
        operator.phoneSize();
        operator.screenshot("operator-setup-phone");
        operator.desktopSize();
    }

    @Test
    @Order(6)
    void shouldTestTheConnectionOfADestinationAgainstARealRtmpServer() {
        int port = FreePorts.next();
        try (RtmpReceiver receiver = RtmpReceiver.start(port, KEY_ONE)) {
            operator.click(By.cssSelector("button[data-configure]"));
            operator.await(By.id("dest-url"));
            operator.type(By.id("dest-url"), receiver.url());
            operator.click(By.id("dest-test"));

            operator.awaitText(By.id("dest-test-result"), "Connection OK");
            assertThat(operator.driver.findElement(By.id("dest-key")).getAttribute("placeholder")).contains("****")
                    .doesNotContain(KEY_ONE);
            operator.screenshot("operator-stream-key-modal");
            operator.click(By.id("dest-cancel"));
        }
        operator.click(By.cssSelector("button[data-configure]"));
        operator.click(By.id("dest-test"));
        operator.awaitText(By.id("dest-test-result"), "Connection failed");
        operator.click(By.id("dest-cancel"));
    }

    @Test
    @Order(7)
    void shouldShowTheLivePanelFromTheEventStream() {
        operator.click(By.cssSelector("nav a[href='/stream/live']"));

        operator.awaitText(By.id("live-heading"), "Not streaming");
        // the heading says so before the first status arrives: wait for the panel to have read it
        new WebDriverWait(operator.driver, Duration.ofSeconds(30)).until(d ->
                d.findElement(By.cssSelector(".live-panel")).getAttribute("data-status") != null);
        assertThat(operator.driver.findElement(By.cssSelector(".live-panel")).getAttribute("data-status")).isEqualTo("none");
        operator.screenshot("operator-live");
    }

    @Test
    @Order(8)
    void shouldKeepAnOperatorOutOfTheAdminAppAndApi() {
        operator.open("/admin/users");
        operator.click(By.id("sign-in"));

        operator.awaitPath("/stream/");
        operator.awaitText(By.tagName("h1"), "Stream setup");
        assertThat(operator.driver.getPageSource()).doesNotContain("User management");
        Object status = operator.asyncScript("""
                const done = arguments[arguments.length - 1];
                const t = JSON.parse(sessionStorage.getItem('lunora.stream.tokens'));
                Promise.all(['/api/users', '/api/users/me'].map((p) => fetch(p, { headers: { Authorization: 'Bearer ' + t.access_token } })
                    .then((r) => r.status))).then((s) => done(s.join(',')));
                """);
        assertThat(status).isEqualTo("403,200");
        assertThat(sessionStorage(operator, "lunora.admin.tokens")).as("no admin-app token kept").isNull();
    }

    @Test
    @Order(9)
    void shouldRenewAnExpiredSessionWithoutLosingWhatWasTyped() {
        operator.click(By.id("add-destination"));
        operator.type(By.id("dest-name"), "Typed before expiry");
        new Select(operator.driver.findElement(By.id("dest-platform"))).selectByValue("linkedin");
        operator.script("""
                const k = 'lunora.stream.tokens';
                const t = JSON.parse(sessionStorage.getItem(k));
                t.access_token = t.access_token.slice(0, -6) + 'AAAAAA';
                sessionStorage.setItem(k, JSON.stringify(t));
                """);

        operator.click(By.id("dest-save"));

        operator.awaitText(By.id("session-note"), "session was renewed");
        assertThat(operator.await(By.id("dest-name")).getAttribute("value")).isEqualTo("Typed before expiry");
        assertThat(operator.driver.findElement(By.id("dest-platform")).getAttribute("value")).isEqualTo("linkedin");
        operator.click(By.id("dest-cancel"));
    }

    @Test
    @Order(10)
    void shouldSignOutAtTheIssuerToo() {
        operator.click(By.id("sign-out"));

        operator.await(By.id("sign-in"));
        assertThat(operator.path()).isEqualTo("/stream/");
        assertThat(sessionStorage(operator, "lunora.stream.tokens")).isNull();
        operator.click(By.id("sign-in"));
        operator.awaitPath("/login");
    }

    private void addDestination(String name, String key, int port) {
        operator.click(By.id("add-destination"));
        operator.type(By.id("dest-name"), name);
        new Select(operator.driver.findElement(By.id("dest-platform"))).selectByValue("custom");
        operator.type(By.id("dest-url"), "rtmp://127.0.0.1:" + port + "/live");
        operator.type(By.id("dest-key"), key);
        operator.click(By.id("dest-key-toggle"));
        assertThat(operator.driver.findElement(By.id("dest-key")).getAttribute("type")).isEqualTo("text");
        operator.click(By.id("dest-key-toggle"));
        assertThat(operator.driver.findElement(By.id("dest-key")).getAttribute("type")).isEqualTo("password");
    }

    private static Object sessionStorage(Chromium browser, String key) {
        return browser.script("return sessionStorage.getItem(arguments[0]);", key);
    }
}
