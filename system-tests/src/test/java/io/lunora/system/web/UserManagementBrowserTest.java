package io.lunora.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.system.stack.Launcher;
import io.lunora.system.streaming.GatewayApi;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16's user management in headless Chromium against the real auth-service behind the real
 * gateway (DynamoDB Local, the embedded SMTP server): last sign-in in the list, Reset confirmed in a
 * dialog with its outcome, Disable cancelled then confirmed, search by name and role, and the audit
 * log listing those actions. Each click's effect is checked on the server through the API.
 */
@EnabledOnOs(OS.LINUX)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserManagementBrowserTest {
    static final String ADMIN_PASSWORD = "User-Management-Admin-47";
    /** The users page needs no media: the stack is the identity part only. */
    static final String STACK = "dynamodb auth-service gateway-service";

    @TempDir
    static Path home;

    Launcher launcher;
    GatewayApi api;
    Chromium admin;

    @BeforeAll
    void startTheStack() {
        launcher = new Launcher(home);
        Launcher.Result up = launcher.run(STACK, "up", "--no-build");
        assertThat(up.exitCode()).as("./lunora up:%n%s", up.output()).isZero();
        api = new GatewayApi("http://localhost:" + launcher.port("LUNORA_GATEWAY_PORT"));
    }

    @AfterAll
    void stopEverything() {
        if (admin != null) {
            admin.close();
        }
        if (api != null) {
            api.close();
        }
        if (launcher != null) {
            launcher.run(STACK, "down");
        }
    }

    @Test
    void shouldResetDisableSearchAndShowTheAuditLog() {
        admin = new Chromium("http://localhost:" + launcher.port("LUNORA_GATEWAY_PORT"));
        admin.open("/admin/");
        admin.click(By.id("sign-in"));
        WebSignIn.firstSignIn(admin, "admin", Launcher.ADMIN_PASSWORD, ADMIN_PASSWORD);
        admin.awaitPath("/admin/");
        String token = WebSignIn.adminToken(admin);

        admin.click(By.cssSelector("nav a[href='/admin/users']"));
        assertThat(admin.await(By.cssSelector("tr[data-user='admin'] td[data-last-sign-in]"))
                .getAttribute("data-last-sign-in")).as("the admin just signed in").isNotBlank();
        invite("uma", "uma@example.com");
        invite("ivan", "ivan@example.com");
        assertThat(admin.await(By.cssSelector("tr[data-user='uma'] td[data-last-sign-in]")).getText()).isEqualTo("Never");

        // Reset: password and MFA, confirmed in the dialog; the outcome is shown
        admin.click(By.cssSelector("button[data-user-reset='uma']"));
        admin.click(By.id("reset-mfa"));
        admin.click(By.id("reset-confirm"));
        admin.awaitText(By.id("user-outcome"), "uma reset: a temporary password was mailed to uma@example.com");
        assertThat(admin.driver.findElement(By.id("user-outcome")).getText()).contains("MFA is enrolled again");

        // Disable: cancelling changes nothing, confirming disables
        admin.click(By.cssSelector("button[data-user-toggle='uma']"));
        admin.click(By.cssSelector("dialog[open] .actions button:not(.danger)"));
        assertThat(user(token, "uma").path("enabled").asBoolean()).as("cancelled").isTrue();
        admin.click(By.cssSelector("button[data-user-toggle='uma']"));
        admin.confirm();
        admin.awaitText(By.cssSelector("tr[data-user='uma']"), "Enable");
        assertThat(user(token, "uma").path("enabled").asBoolean()).isFalse();
        admin.screenshot("admin-users-managed");

        // Search by part of the name and by role
        admin.type(By.id("user-search"), "um");
        admin.click(By.id("user-search-go"));
        awaitRows(List.of("uma"));
        admin.type(By.id("user-search"), "");
        new Select(admin.await(By.id("user-role-filter"))).selectByValue("admins");
        admin.click(By.id("user-search-go"));
        awaitRows(List.of("admin"));
        admin.type(By.id("user-search"), "nobody-here");
        admin.click(By.id("user-search-go"));
        admin.awaitText(By.id("user-rows"), "No users found.");

        // The audit log: newest first, on the page and on the server
        admin.awaitText(By.id("audit-rows"), "Disabled");
        List<String> actions = admin.driver.findElements(By.cssSelector("#audit-rows tr[data-audit-target='uma']"))
                .stream().map(r -> r.getAttribute("data-audit-action")).toList();
        assertThat(actions).containsExactly("USER_DISABLED", "PASSWORD_RESET", "MFA_RESET", "USER_INVITED");
        assertThat(admin.driver.findElement(By.cssSelector("#audit-rows tr[data-audit-action='USER_DISABLED']"))
                .getText()).contains("admin", "uma");
        admin.screenshot("admin-users-audit");
        JsonNode entries = api.get(token, "/api/users/audit").json().path("entries");
        assertThat(entries.valueStream().filter(e -> "uma".equals(e.path("target_username").asString()))
                .map(e -> e.path("action").asString()).toList())
                .containsExactly("USER_DISABLED", "PASSWORD_RESET", "MFA_RESET", "USER_INVITED");

        // More than a page (20) of entries: "Show older entries" appends the older ones, then hides
        String ivan = user(token, "ivan").path("id").asString();
        for (int i = 0; i < 16; i++) {
            GatewayApi.Answer reset = api.post(token, "/api/users/" + ivan + "/reset", "{\"password\":false,\"mfa\":true}");
            assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        }
        admin.driver.navigate().refresh();
        admin.awaitText(By.id("audit-rows"), "MFA reset");
        By rows = By.cssSelector("#audit-rows tr[data-audit-action]");
        assertThat(admin.driver.findElements(rows)).hasSize(20);
        By umaInvited = By.cssSelector("#audit-rows tr[data-audit-target='uma'][data-audit-action='USER_INVITED']");
        assertThat(admin.driver.findElements(umaInvited)).as("uma's invitation is older than the first page").isEmpty();
        admin.click(By.id("audit-more"));
        admin.await(umaInvited);
        assertThat(admin.driver.findElements(rows)).hasSizeGreaterThan(20);
        new WebDriverWait(admin.driver, Duration.ofSeconds(10)).until(d -> !d.findElement(By.id("audit-more")).isDisplayed());

        // Several at once: the selected users disabled (confirmed), then enabled again; the admin cannot select themself
        admin.type(By.id("user-search"), "");
        new Select(admin.await(By.id("user-role-filter"))).selectByValue("");
        admin.click(By.id("user-search-go"));
        awaitRows(List.of("admin", "ivan", "uma"));
        assertThat(admin.driver.findElement(By.cssSelector("input[data-user-select='admin']")).isEnabled()).isFalse();
        admin.click(By.cssSelector("input[data-user-select='uma']"));
        admin.click(By.cssSelector("input[data-user-select='ivan']"));
        admin.awaitText(By.id("disable-selected"), "Disable selected (2)");
        admin.click(By.id("disable-selected"));
        admin.confirm();
        admin.awaitText(By.cssSelector("tr[data-user='ivan']"), "Enable");
        assertThat(user(token, "ivan").path("enabled").asBoolean()).isFalse();
        assertThat(user(token, "uma").path("enabled").asBoolean()).isFalse();
        admin.click(By.cssSelector("input[data-user-select='uma']"));
        admin.click(By.cssSelector("input[data-user-select='ivan']"));
        admin.click(By.id("enable-selected"));
        admin.awaitText(By.cssSelector("tr[data-user='ivan']"), "Disable");
        assertThat(user(token, "ivan").path("enabled").asBoolean()).isTrue();
        assertThat(user(token, "uma").path("enabled").asBoolean()).isTrue();

        // The list as CSV, the file the browser saves
        String csv = admin.download(By.id("export-users"));
        assertThat(csv).startsWith("lunora-users.csv\nuser_id,username,email,group,enabled")
                .contains(",uma,uma@example.com,operators,true", ",ivan,ivan@example.com,operators,true");
    }

    private void invite(String username, String email) {
        admin.click(By.id("invite-user"));
        admin.type(By.id("invite-username"), username);
        admin.type(By.id("invite-email"), email);
        admin.click(By.id("invite-send"));
        admin.await(By.cssSelector("tr[data-user='" + username + "']"));
    }

    /** Waits until the list shows exactly these users (the list is re-rendered after each search). */
    private void awaitRows(List<String> usernames) {
        new WebDriverWait(admin.driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("#user-rows tr[data-user]")).stream()
                        .map(r -> r.getAttribute("data-user")).toList().equals(usernames));
    }

    private JsonNode user(String token, String username) {
        GatewayApi.Answer found = api.get(token, "/api/users?q=" + username);
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        return found.json().valueStream().filter(u -> username.equals(u.path("username").asString())).findFirst()
                .orElseThrow();
    }
}
