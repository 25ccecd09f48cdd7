package io.lunora.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.system.stack.Launcher;
import io.lunora.testing.QrCodes;
import io.lunora.testing.oidc.Totp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

/**
 * Signing in to the web apps in the browser as a person does: the app's Sign in button, the
 * issuer's pages of a first sign-in (temporary password, new password, TOTP enrolment, backup
 * codes), back in the app; and the access token the app then keeps in its session storage.
 */
final class WebSignIn {
    static final String ADMIN_APP = "/admin/";
    static final String OPERATOR_APP = "/stream/";

    private WebSignIn() {
    }

    /** A new browser on {@code gateway} in which the bootstrap admin has signed in to the admin app for the first time. */
    static Chromium admin(String gateway, String chosenPassword) {
        return firstSignIn(gateway, ADMIN_APP, "admin", Launcher.ADMIN_PASSWORD, chosenPassword);
    }

    /** A new browser on {@code gateway} in which an invited operator has signed in to the operator app for the first time. */
    static Chromium operator(String gateway, String username, String temporaryPassword, String chosenPassword) {
        return firstSignIn(gateway, OPERATOR_APP, username, temporaryPassword, chosenPassword);
    }

    static String adminToken(Chromium browser) {
        return tokenOf(browser, "lunora.admin.tokens");
    }

    static String operatorToken(Chromium browser) {
        return tokenOf(browser, "lunora.stream.tokens");
    }

    /** The issuer's pages: password, the first-time password change, TOTP enrolment, backup codes. */
    static void firstSignIn(Chromium browser, String username, String temporary, String chosen) {
        browser.awaitPath("/login");
        browser.type(By.id("username"), username);
        browser.type(By.id("password"), temporary);
        browser.click(By.cssSelector("form button[type=submit]"));
        browser.awaitPath("/auth/password");
        browser.type(By.id("password"), chosen);
        browser.type(By.id("confirmation"), chosen);
        browser.click(By.cssSelector("form button[type=submit]"));
        browser.awaitPath("/auth/mfa/setup");
        // the phone's way: the QR code as the browser drew it, read by Debian's zbarimg, gives the secret
        String secret = secretOf(scan(browser.await(By.id("totp-qr"))));
        assertThat(secret).isEqualTo(browser.await(By.id("totp-secret")).getText());
        browser.type(By.id("code"), Totp.code(secret, Totp.currentStep()));
        browser.click(By.cssSelector("form button[type=submit]"));
        browser.await(By.id("backup-codes"));
        List<String> codes = browser.driver.findElements(By.cssSelector("#backup-codes code")).stream()
                .map(WebElement::getText).toList();
        // a real browser asks before a page writes the clipboard: granted here as a user would
        URI page = URI.create(browser.driver.getCurrentUrl());
        browser.driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin",
                page.getScheme() + "://" + page.getAuthority(), "permissions",
                List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        browser.click(By.id("copy-backup-codes"));
        browser.awaitText(By.id("backup-codes-outcome"), "Copied " + codes.size() + " codes.");
        Object copied = browser.driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done, e => done('refused: ' + e));");
        assertThat(copied).as("the clipboard holds the page's codes").isEqualTo(String.join("\n", codes));
        browser.click(By.id("download-backup-codes"));
        browser.awaitText(By.id("backup-codes-outcome"), "Saved as lunora-backup-codes.txt");
        assertThat(browser.driver.findElement(By.id("backup-codes-file")).getAttribute("download"))
                .isEqualTo("lunora-backup-codes.txt");
        browser.click(By.cssSelector("form[action='/auth/continue'] button[type=submit]"));
    }

    private static String scan(WebElement qr) {
        try {
            return QrCodes.read(qr.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The {@code secret} parameter of an {@code otpauth://totp/…} link. */
    private static String secretOf(String otpauth) {
        assertThat(otpauth).startsWith("otpauth://totp/");
        return java.util.Arrays.stream(java.net.URI.create(otpauth).getRawQuery().split("&"))
                .filter(p -> p.startsWith("secret=")).map(p -> p.substring("secret=".length())).findFirst()
                .orElseThrow(() -> new AssertionError("no secret in " + otpauth));
    }

    private static Chromium firstSignIn(String gateway, String app, String username, String temporary, String chosen) {
        Chromium browser = new Chromium(gateway);
        try {
            browser.open(app);
            browser.click(By.id("sign-in"));
            firstSignIn(browser, username, temporary, chosen);
            browser.awaitPath(app);
            return browser;
        } catch (RuntimeException | AssertionError e) {
            browser.close(); // the test never holds this browser: it would outlive the test otherwise
            throw e;
        }
    }

    private static String tokenOf(Chromium browser, String key) {
        return (String) browser.script("return JSON.parse(sessionStorage.getItem(arguments[0])).access_token;", key);
    }
}
