package io.lunora.system.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.system.streaming.GatewayApi;
import io.lunora.system.streaming.RunningStack;
import io.lunora.system.streaming.StreamingStack;
import io.lunora.testing.FreePorts;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.time.Duration;
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
import tools.jackson.databind.JsonNode;

/**
 * Issue 16's alert centre in headless Chromium on the whole real stack: a session started and
 * stopped raises a "session completed" alert in streaming-control-service; the admin's overview
 * shows it (severity, state, count) without a reload, and Acknowledge changes it on the server and
 * on the screen. The budget set in its form raises the cost alerts, and the month's cost is one
 * number on the overview and in analytics.
 */
@EnabledOnOs(OS.LINUX)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
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
    @Order(1)
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

    /**
     * The webhook form: a refused URL is shown at its field; an added webhook shows its secret once
     * and its URL masked; the next alert change reaches the receiver signed with that secret; the
     * delivery log says so; Delete (confirmed) removes it.
     */
    @Test
    @Order(2)
    void shouldAddAWebhookThatReceivesSignedAlertsShowItsDeliveriesAndDeleteIt() throws IOException {
        String token = WebSignIn.adminToken(admin);
        List<String[]> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hooks/", exchange -> {
            received.add(new String[] {exchange.getRequestHeaders().getFirst("Lunora-Signature"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)});
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            admin.type(By.id("webhook-url"), "ftp://127.0.0.1/hooks");
            admin.click(By.id("add-webhook"));
            admin.awaitText(By.cssSelector("[data-field='url'] .field-error"), "http");

            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/T0KEN-in-the-path";
            admin.driver.findElement(By.id("webhook-url")).clear();
            admin.type(By.id("webhook-url"), url);
            admin.click(By.id("add-webhook"));
            String secret = admin.await(By.id("webhook-secret-value")).getText();
            assertThat(secret).isNotBlank();
            By row = By.cssSelector("#webhook-list li.webhook-item");
            admin.awaitText(row, "127.0.0.1");
            assertThat(admin.driver.findElement(By.id("webhook-list")).getText()).doesNotContain("T0KEN");
            admin.screenshot("admin-webhook-added");

            // an alert change: a session started and stopped completes one
            GatewayApi.Answer started = api.post(token, "/api/streaming/start", "{\"destination_ids\":[]}");
            assertThat(started.status()).as(started.body()).isEqualTo(201);
            assertThat(api.post(token, "/api/streaming/stop", null).status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> received.stream().anyMatch(r -> r[1].contains(
                    "session_completed")));
            for (String[] delivery : received) {
                assertThat(verifies(secret, delivery[0], delivery[1])).as("signature of %s", delivery[1]).isTrue();
            }

            admin.click(By.cssSelector("#webhook-list li.webhook-item button[data-action='deliveries']"));
            admin.awaitText(By.cssSelector("#webhook-list [data-role='deliveries'] li[data-outcome='delivered']"),
                    "HTTP 204");

            admin.click(By.cssSelector("#webhook-list li.webhook-item button[data-action='delete']"));
            admin.confirm();
            admin.awaitText(By.cssSelector("#webhook-list li"), "No webhooks");
            assertThat(api.get(token, "/api/alerts/webhooks").json().path("webhooks")).isEmpty();
        } finally {
            receiver.stop(0);
        }
    }

    /**
     * The alert e-mail panel: a bad address is shown at its field; a recipient added for every
     * severity is listed; the next alert (a session completed) reaches the stack's local SMTP server
     * addressed to it, with severity, kind and source in the subject, a link to the console and no
     * SRT passphrase; Remove (confirmed) takes it off.
     */
    @Test
    @Order(3)
    void shouldMailTheNextAlertToARecipientAddedInThePanelAndRemoveIt() {
        String token = WebSignIn.adminToken(admin);
        String recipient = "oncall@alerts.example.com";

        admin.type(By.id("alert-recipient-email"), "not-an-address");
        admin.click(By.id("add-alert-recipient"));
        admin.awaitText(By.cssSelector("#alert-recipient-form [data-field='email'] .field-error"), "e-mail address");

        admin.driver.findElement(By.id("alert-recipient-email")).clear();
        admin.type(By.id("alert-recipient-email"), recipient);
        new Select(admin.driver.findElement(By.id("alert-recipient-severity"))).selectByValue("info");
        admin.click(By.id("add-alert-recipient"));
        By row = By.cssSelector("#alert-recipient-list li.alert-recipient");
        admin.awaitText(row, recipient);
        assertThat(admin.driver.findElement(row).getText()).contains("Everything");
        admin.screenshot("admin-alert-recipient-added");
        assertThat(api.get(token, "/api/alerts/recipients").json().path("recipients")).singleElement()
                .satisfies(r -> assertThat(r.path("minimum_severity").asString()).isEqualTo("info"));

        // the primary input with an SRT passphrase: a secret the mail must never carry
        String passphrase = "mail-must-not-carry-" + Long.toHexString(System.nanoTime());
        JsonNode current = api.get(token, "/api/sources/config").json();
        String withPassphrase = StreamingStack.sourceConfiguration(FreePorts.next(), FreePorts.next(),
                current.path("version").asLong()).replaceFirst("\"latency_ms\":120}",
                "\"latency_ms\":120,\"passphrase\":\"" + passphrase + "\"}");
        GatewayApi.Answer saved = api.put(token, "/api/sources/config", withPassphrase);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);

        // an alert as the first test raises one: a session started and stopped completes
        GatewayApi.Answer started = api.post(token, "/api/streaming/start", "{\"destination_ids\":[]}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String sessionId = started.json().path("session_id").asString();
        assertThat(api.post(token, "/api/streaming/stop", null).status()).isEqualTo(200);

        String subject = "Subject: [Lunora INFO] Session completed on " + sessionId;
        String mail = await().atMost(Duration.ofSeconds(10)).until(() -> mailTo(recipient, subject), m -> m != null);
        assertThat(mail).contains("To:      " + recipient, "Source:      " + sessionId, "/admin");
        assertThat(stack.users().mailbox()).doesNotContain(passphrase);

        admin.click(By.cssSelector("#alert-recipient-list li.alert-recipient button[data-action='delete']"));
        admin.confirm();
        admin.awaitText(By.cssSelector("#alert-recipient-list li"), "No recipients");
        assertThat(api.get(token, "/api/alerts/recipients").json().path("recipients")).isEmpty();
    }

    /**
     * The platform admin's Organizations panel on the overview (issue 14): a bad id is named next to
     * its field; a new organization is listed there and by the server, and its first admin is mailed
     * a temporary password.
     */
    @Test
    @Order(4)
    void shouldCreateAnOrganizationWithItsFirstAdminFromThePlatformAdminsPanel() {
        String token = WebSignIn.adminToken(admin);
        admin.open("/admin/");
        admin.await(By.id("organization-form"));

        admin.type(By.id("organization-id"), "Bad Id!");
        admin.type(By.id("organization-name"), "Second studio");
        admin.type(By.id("organization-admin-username"), "sasha");
        admin.type(By.id("organization-admin-email"), "sasha@second.example.com");
        admin.click(By.id("create-organization"));
        admin.await(By.cssSelector("#organization-form [data-field='id'] .field-error"));
        assertThat(api.get(token, "/api/organizations").body()).doesNotContain("second-studio");

        admin.type(By.id("organization-id"), "second-studio");
        admin.click(By.id("create-organization"));
        admin.awaitText(By.id("organization-outcome"), "Organization second-studio created");
        admin.await(By.cssSelector("#organization-rows tr[data-organization='second-studio']"));
        admin.screenshot("admin-organization-created");
        assertThat(api.get(token, "/api/organizations").json().valueStream().map(o -> o.path("id").asString()))
                .contains("default", "second-studio");
        assertThat(stack.users().temporaryPasswordOf("sasha")).isNotBlank();
    }

    /**
     * The Budget form on the analytics page (issues 15 and 16): a negative amount is named at its
     * field; a budget set there is the server's; the month's cost is the server's figure, the same on
     * the overview and in analytics; a budget below what the month already cost raises the cost
     * alerts, which the alert centre shows.
     */
    @Test
    @Order(5)
    void shouldSetTheBudgetInTheFormAndShowTheSameMonthsCostOnOverviewAndAnalytics() {
        String token = WebSignIn.adminToken(admin);
        admin.open("/admin/analytics");
        admin.awaitText(By.id("budget-outcome"), "Default budget");

        admin.type(By.id("budget-amount"), "-5");
        admin.type(By.id("budget-thresholds"), "50, 80, 100");
        admin.click(By.id("save-budget"));
        admin.await(By.cssSelector("#budget-form [data-field='monthly_amount_usd'] .field-error"));
        assertThat(api.get(token, "/api/costs/budget").json().path("version").asLong()).isZero();

        // the month's fixed 17.00 (other services) alone passes every threshold of a 10.00 budget
        admin.type(By.id("budget-amount"), "10");
        admin.type(By.id("budget-thresholds"), "50, 80, 100");
        admin.click(By.id("save-budget"));
        admin.awaitText(By.id("budget-outcome"), "Set to $10.00 by admin");
        JsonNode budget = api.get(token, "/api/costs/budget").json();
        assertThat(budget.path("monthly_amount_usd").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(budget.path("thresholds").valueStream().map(JsonNode::asInt)).containsExactly(50, 80, 100);

        JsonNode month = api.get(token, "/api/costs").json().path("month");
        String cost = "$" + month.path("total").decimalValue().setScale(2).toPlainString();
        assertThat(month.path("budget").decimalValue()).isEqualByComparingTo("10.00");
        admin.awaitText(By.id("analytics-month-cost"), cost);
        admin.awaitText(By.id("month-cost"), "of the $10.00 budget");
        admin.screenshot("admin-budget-and-costs");

        admin.open("/admin/");
        admin.awaitText(By.id("metric-cost"), cost);
        assertThat(admin.driver.findElement(By.id("metric-cost")).getText()).isEqualTo(cost);
        admin.open("/admin/analytics");
        admin.awaitText(By.id("analytics-month-cost"), cost);
        assertThat(admin.driver.findElement(By.id("analytics-month-cost")).getText()).isEqualTo(cost);

        // the crossing raised one cost alert per threshold, shown in the alert centre
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                api.get(token, "/api/alerts?severity=cost").json().path("alerts").valueStream()
                        .map(a -> a.path("source").asString()))
                .hasSize(3).allMatch(source -> source.startsWith("budget-")));
        admin.open("/admin/");
        admin.awaitText(By.id("alert-centre"), "Budget threshold reached");
    }

    /** The stack's mailbox entry (newest first) addressed to {@code to} with that subject line; null when none yet. */
    private String mailTo(String to, String subjectLine) {
        for (String entry : stack.users().mailbox().split("\n=+\n")) {
            if (entry.contains("To:      " + to + "\n") && entry.contains(subjectLine + "\n")) {
                return entry;
            }
        }
        return null;
    }

    /** The receiver's check, written from the documented format, not with the service's class. */
    private static boolean verifies(String secret, String header, String body) {
        Matcher parts = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})").matcher(header == null ? "" : header);
        if (!parts.matches()) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((parts.group(1) + "." + body).getBytes(StandardCharsets.UTF_8)))
                    .equals(parts.group(2));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
