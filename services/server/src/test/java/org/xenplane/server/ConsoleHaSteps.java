package org.xenplane.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** ConsoleIT's steps on the HA page and the VM's HA priority (one server and one browser, ConsoleIT's). */
final class ConsoleHaSteps {
    private ConsoleHaSteps() {
    }

    /**
     * HA is enabled through the page's form (the API then has it on with the T and failures to
     * tolerate typed); another client disables it and the open page follows without a reload; a
     * halted VM's restart priority is chosen on its page and read back through the API.
     */
    static void enableHaAndSeeItDisabledElsewhere(Browser browser, ConsoleIT.Pool pool, String vmName) throws Exception {
        browser.driver.findElement(By.linkText("HA")).click();
        browser.visible("#ha-enable-form");
        browser.driver.executeScript("window.consoleItNotReloaded = true;");
        ConsoleIT.type(browser, "ha-timeout", "40");
        ConsoleIT.type(browser, "ha-failures", "1");
        browser.driver.findElement(By.id("ha-enable")).click();
        browser.waitForText("#ha-state", "enabled");
        var ha = pool.api().get("/api/v1/ha").jsonPath();
        assertThat(ha.getBoolean("enabled")).isTrue();
        assertThat(ha.getInt("timeoutSeconds")).isEqualTo(40);
        assertThat(ha.getInt("hostFailuresToTolerate")).isEqualTo(1);
        browser.visible("section[aria-labelledby=ha-hosts] tr[data-host]");
        browser.driver.executeScript("window.scrollTo(0, 0)");
        browser.screenshot("ha");

        pool.api().post("/api/v1/ha/disable").then().statusCode(200);
        browser.waitForText("#ha-state", "disabled");
        browser.visible("#ha-enable-form");
        assertThat(browser.driver.executeScript("return window.consoleItNotReloaded === true;")).isEqualTo(true);

        String vm = pool.api().get("/api/v1/vms").jsonPath().getString("find { it.name == '" + vmName + "' }.id");
        browser.driver.get(pool.server().url() + "/#/vms/" + vm);
        // the page re-renders on every VM, host and task event: choose again if the select was replaced
        browser.await("restart chosen as the VM's HA priority", d -> {
            new Select(d.findElement(By.cssSelector("select#vm-ha"))).selectByValue("restart");
            return true;
        });
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "restart".equals(pool.api().get("/api/v1/vms/" + vm).jsonPath().getString("haRestartPriority")));
    }

    /** A read-only user sees HA's state and no button or form that changes it, and a VM's priority as text. */
    static void aReadOnlyUserIsOfferedNoHaAction(Browser browser, ConsoleIT.Pool pool) {
        browser.driver.findElement(By.linkText("HA")).click();
        browser.waitForText("#ha-state", "disabled");
        assertThat(browser.driver.findElements(By.cssSelector("#view button, #view form")).stream()
                .filter(WebElement::isDisplayed)).isEmpty();
    }
}
