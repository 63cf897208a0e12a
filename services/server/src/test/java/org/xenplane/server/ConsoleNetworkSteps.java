package org.xenplane.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** ConsoleIT's steps on the networks page (one server and one browser, ConsoleIT's). */
final class ConsoleNetworkSteps {
    private ConsoleNetworkSteps() {
    }

    /**
     * The networks page lists the hosts' PIFs; a network is created through its form and a VLAN on
     * it through the VLAN form (both read back through the REST API); a network that another
     * client makes appears without a reload and is deleted after a confirmation naming it.
     */
    static void manageNetworks(Browser browser, ConsoleIT.Pool pool) throws Exception {
        browser.driver.findElement(By.linkText("Networks")).click();
        browser.visible("section[aria-labelledby=net-pifs] tr[data-pif]");
        browser.driver.executeScript("window.consoleItNotReloaded = true;");
        ConsoleIT.type(browser, "net-name", "backend");
        ConsoleIT.type(browser, "net-mtu", "9000");
        browser.driver.findElement(By.id("net-create")).click();
        String network = browser.visible("tr[data-name='backend']").getAttribute("data-network");
        assertThat(pool.api().get("/api/v1/networks/" + network).jsonPath().getInt("mtu")).isEqualTo(9000);

        String device = pool.api().get("/api/v1/pifs").jsonPath().getString("find { it.physical }.device");
        browser.await("the VLAN form offers the new network",
                d -> !d.findElements(By.cssSelector("#vlan-network option[value='" + network + "']")).isEmpty());
        new Select(browser.driver.findElement(By.id("vlan-network"))).selectByValue(network);
        new Select(browser.driver.findElement(By.id("vlan-device"))).selectByValue(device);
        ConsoleIT.type(browser, "vlan-tag", "42");
        browser.driver.findElement(By.id("vlan-create")).click();
        browser.visible("tr[data-tag='42']");
        await().atMost(Duration.ofSeconds(20)).until(() -> pool.api().get("/api/v1/vlans").jsonPath()
                .getList("findAll { it.tag == 42 }.networkId").contains(network));

        String other = pool.api().body(Map.of("name", "made-elsewhere-net", "mtu", 1500))
                .post("/api/v1/networks").then().statusCode(201).extract().path("id");
        String row = "tr[data-network='" + other + "']";
        browser.visible(row + " button[data-action=destroy]");
        browser.screenshot("networks");
        browser.visible(row + " button[data-action=destroy]").click();
        browser.waitForText("#confirm-text", "Delete NETWORK \"made-elsewhere-net\"?");
        browser.driver.findElement(By.id("confirm-ok")).click();
        browser.await("the deleted network leaves the page", d -> d.findElements(By.cssSelector(row)).isEmpty());
        pool.api().get("/api/v1/networks/" + other).then().statusCode(404);
        assertThat(browser.driver.executeScript("return window.consoleItNotReloaded === true;")).isEqualTo(true);
    }

    /** A read-only user sees networks, VLANs and PIFs, and no button or form that changes them. */
    static void aReadOnlyUserIsOfferedNoNetworkAction(Browser browser, ConsoleIT.Pool pool) {
        browser.driver.get(pool.server().url() + "/#/networks");
        browser.visible("tr[data-tag='42']");
        browser.visible("section[aria-labelledby=net-pifs] tr[data-pif]");
        assertThat(browser.driver.findElements(By.cssSelector("#view button, #view form"))).isEmpty();
    }
}
