package org.xenplane.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The web console (module console/, served at / by the packaged server) in a real headless
 * Chromium, against the packaged server and a daemon simulating two hosts. One server start for
 * every step; each page's screenshot goes to target/console-screenshots.
 */
class ConsoleIT {
    private static final Path SCREENSHOTS = Path.of("target/console-screenshots");

    @TempDir
    Path workDir;

    @Test
    void anAdministratorLogsInThroughTheConsole() throws Exception {
        ServerProcess server = ServerProcess.onEmbeddedDatabase(workDir, JavaProcess.freePort()).start();
        try (Browser browser = Browser.start(workDir.resolve("chromium-profile"), SCREENSHOTS)) {
            browser.driver.get(server.url() + "/");
            browser.visible("#login-title");
            assertThat(browser.driver.getTitle()).isEqualTo("Xenplane");
            browser.screenshot("login");

            browser.driver.findElement(By.id("username")).sendKeys("admin");
            browser.driver.findElement(By.id("password")).sendKeys("wrong password");
            browser.driver.findElement(By.cssSelector("form.login button[type=submit]")).click();
            browser.waitForText("#login-error", "SESSION_AUTHENTICATION_FAILED");

            browser.driver.findElement(By.id("password")).clear();
            browser.driver.findElement(By.id("password")).sendKeys(ServerProcess.ADMIN_PASSWORD);
            browser.driver.findElement(By.cssSelector("form.login button[type=submit]")).click();
            browser.waitForText("#who", "admin (pool-admin)");
            browser.waitForText("#live", "Live");
            browser.visible("#vm-counts");
        } finally {
            server.stop();
        }
    }
}
