package org.xenplane.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.openqa.selenium.By;

/** ConsoleIT's steps on the storage pages (one server and one browser, ConsoleIT's). */
final class ConsoleStorageSteps {
    private static final long MIB = 1024 * 1024;

    private ConsoleStorageSteps() {
    }

    /**
     * The storage page shows every SR with its usage and makes another SR the pool's default; on
     * the SR's page a disk is created, filled from a file through the upload (its progress bar
     * reaches done; the API exports the same bytes), resized, and a disk that another client makes
     * appears without a reload and is deleted after a confirmation naming it. Each effect is read
     * back through the REST API.
     */
    static void manageStorage(Browser browser, ConsoleIT.Pool pool, Path workDir) throws Exception {
        browser.driver.findElement(By.linkText("Storage")).click();
        String row = "tr[data-sr='" + pool.sr() + "']";
        browser.visible(row + " button[data-action=make_default]").click();
        browser.waitForText(row + " td.default", "default");
        assertThat((String) pool.api().get("/api/v1/pool").then().extract().path("defaultSr")).isEqualTo(pool.sr());
        browser.screenshot("storage");

        browser.driver.findElement(By.cssSelector(row + " th a")).click();
        browser.visible("section[aria-labelledby=sr-pbds] tr[data-pbd]");
        browser.driver.executeScript("window.consoleItNotReloaded = true;");
        ConsoleIT.type(browser, "vdi-name", "data-1");
        ConsoleIT.type(browser, "vdi-size", "1");
        browser.driver.findElement(By.id("vdi-create")).click();
        String disk = "tr[data-name='data-1']";
        String vdi = browser.visible(disk).getAttribute("data-vdi");
        assertThat(pool.api().get("/api/v1/vdis/" + vdi).jsonPath().getLong("virtualSize")).isEqualTo(MIB);

        byte[] image = new byte[(int) MIB];
        new Random(16).nextBytes(image);
        Path file = Files.write(workDir.resolve("data-1.raw"), image);
        browser.visible(disk + " input[data-input=import]").sendKeys(file.toString());
        browser.waitForText("#transfer-" + vdi + "[data-state=done]", "Upload done");
        byte[] exported = given().baseUri(pool.server().url()).auth().oauth2(ServerProcess.ADMIN_TOKEN)
                .get("/api/v1/vdis/" + vdi + "/content?format=raw").then().statusCode(200).extract().asByteArray();
        assertThat(exported).isEqualTo(image);

        var size = browser.visible(disk + " input[data-input=resize]");
        size.clear();
        size.sendKeys("2");
        browser.visible(disk + " button[data-action=resize]").click();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> pool.api().get("/api/v1/vdis/" + vdi).jsonPath().getLong("virtualSize") == 2 * MIB);
        deleteADiskMadeElsewhere(browser, pool);
        assertThat(browser.driver.executeScript("return window.consoleItNotReloaded === true;")).isEqualTo(true);
    }

    private static void deleteADiskMadeElsewhere(Browser browser, ConsoleIT.Pool pool) throws Exception {
        String other = pool.api().body(Map.of("srId", pool.sr(), "name", "made-elsewhere-disk", "virtualSize", MIB))
                .post("/api/v1/vdis").then().statusCode(201).extract().path("id");
        String row = "tr[data-vdi='" + other + "']";
        browser.visible(row + " button[data-action=destroy]");
        browser.screenshot("sr-detail");
        browser.visible(row + " button[data-action=destroy]").click();
        browser.waitForText("#confirm-text", "Delete VDI \"made-elsewhere-disk\"?");
        browser.driver.findElement(By.id("confirm-ok")).click();
        browser.await("the deleted disk leaves the page", d -> d.findElements(By.cssSelector(row)).isEmpty());
        pool.api().get("/api/v1/vdis/" + other).then().statusCode(404);
    }

    /** A read-only user sees the SRs and their disks, and no button, form or file input that changes them. */
    static void aReadOnlyUserIsOfferedNoStorageAction(Browser browser, ConsoleIT.Pool pool) {
        browser.driver.get(pool.server().url() + "/#/storage");
        browser.visible("tr[data-sr='" + pool.sr() + "']");
        assertThat(browser.driver.findElements(By.cssSelector("#view button"))).isEmpty();
        browser.driver.get(pool.server().url() + "/#/storage/" + pool.sr());
        browser.visible("tr[data-name='data-1']");
        assertThat(browser.driver.findElements(By.cssSelector("#view button, #view input, #view form"))).isEmpty();
    }
}
