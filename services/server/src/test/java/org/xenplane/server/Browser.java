package org.xenplane.server;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium}, driven through its {@code chromedriver}) with
 * a fresh profile, for the console's browser tests. Waits are conditions on the page, never sleeps.
 */
final class Browser implements AutoCloseable {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final ChromeDriver driver;
    private final Path screenshots;
    private int shot;

    private Browser(ChromeDriver driver, Path screenshots) {
        this.driver = driver;
        this.screenshots = screenshots;
    }

    static Browser start(Path profile, Path screenshots) throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new AssertionError("the console's browser tests need Debian's chromium and chromedriver: "
                    + "apt-get install -y chromium chromium-driver (.ci/install-packages installs them)");
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withLogFile(profile.resolveSibling("chromedriver.log").toFile()).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1100,760", "--force-prefers-reduced-motion");
        Files.createDirectories(screenshots);
        return new Browser(new ChromeDriver(service, options), screenshots);
    }

    /** Waits up to 20 s for the condition (polling the page, as WebDriver does). */
    <T> T await(String what, Function<WebDriver, T> condition) {
        // pages re-render on every event: an element found a moment ago may be replaced; look again
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(20)).withMessage(what)
                    .ignoring(StaleElementReferenceException.class).until(condition);
        } catch (TimeoutException e) {
            throw new AssertionError(what + " did not happen within 20 s; the page at " + driver.getCurrentUrl()
                    + " shows:\n" + driver.findElement(By.tagName("body")).getText() + "\nits console:\n" + consoleLog(), e);
        }
    }

    /** The first element the selector finds once it is displayed (a later re-render may replace it: use it at once). */
    WebElement visible(String css) {
        return await("visible: " + css, d -> {
            var found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    void waitForText(String css, String text) {
        await(css + " shows " + text, d -> d.findElements(By.cssSelector(css)).stream()
                .anyMatch(e -> e.getText().contains(text)));
    }

    private String consoleLog() {
        StringBuilder log = new StringBuilder();
        driver.manage().logs().get(LogType.BROWSER).forEach(entry -> log.append(entry).append('\n'));
        return log.toString();
    }

    /** Saves a PNG of the page as target/console-screenshots/NN-name.png. */
    void screenshot(String name) throws Exception {
        File png = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), screenshots.resolve(String.format("%02d-%s.png", ++shot, name)),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
