package io.lunora.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.testing.ProjectPaths;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its chromium-driver, with a fresh profile per browser, no
 * network of its own (no updates, sync or QUIC), and a few helpers the browser tests share.
 * Nothing is downloaded: both programs must be installed ({@code apt-get install chromium chromium-driver}).
 */
final class Chromium implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENS = ProjectPaths.root().resolve("system-tests/target/screens");

    final ChromeDriver driver;
    private final Path profile;
    private final String base;

    Chromium(String base) {
        assertThat(Files.isExecutable(BINARY) && Files.isExecutable(DRIVER))
                .as("the browser tests need Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver")
                .isTrue();
        try {
            profile = Files.createTempDirectory("lunora-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        this.base = base;
    }

    void open(String path) {
        driver.get(base + path);
    }

    String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    WebElement await(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void awaitText(By by, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    /** Waits until the element has some text (an error message, a result). */
    String awaitAnyText(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            String text = d.findElement(by).getText();
            return text.isBlank() ? null : text;
        });
    }

    void awaitPath(String path) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> path().equals(path));
    }

    void click(By by) {
        // the apps re-render lists on live updates: an element found a moment ago may be replaced, so find it again
        new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class).until(d -> {
            WebElement element = ExpectedConditions.elementToBeClickable(by).apply(d);
            if (element == null) {
                return false;
            }
            element.click();
            return true;
        });
    }

    void type(By by, String text) {
        WebElement field = await(by);
        field.clear();
        field.sendKeys(text);
    }

    /** Clicks the confirming (danger) button of the confirmation dialog. */
    void confirm() {
        click(By.cssSelector("dialog[open] .actions button.danger"));
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Runs an async script whose last argument is the callback. */
    Object asyncScript(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(js, args);
    }

    /**
     * Clicks {@code button} and answers the file the page then offers for download, as
     * {@code name + "\n" + content}: the Blob is read as the page makes its link (the CSP's
     * connect-src 'self' keeps a fetch of the blob: URL out) and the link's click is caught.
     */
    String download(By button) {
        script("window.lunoraDownload = null; let body = null; const create = URL.createObjectURL;"
                + " URL.createObjectURL = (blob) => { blob.text().then((t) => { body = t; }); return create.call(URL, blob); };"
                + " const click = HTMLAnchorElement.prototype.click;"
                + " HTMLAnchorElement.prototype.click = function () { if (!this.download) { return click.call(this); }"
                + " const name = this.download; const wait = () => { if (body === null) { setTimeout(wait, 50); }"
                + " else { window.lunoraDownload = name + '\\n' + body; } }; wait(); };");
        click(button);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> script("return window.lunoraDownload") != null);
        return script("return window.lunoraDownload").toString();
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENS);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void phoneSize() {
        driver.manage().window().setSize(new Dimension(390, 844));
    }

    void desktopSize() {
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
