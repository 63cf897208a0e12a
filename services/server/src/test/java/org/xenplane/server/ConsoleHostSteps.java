package org.xenplane.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import org.openqa.selenium.By;

/** ConsoleIT's steps on a host's page (one server and one browser, ConsoleIT's). */
final class ConsoleHostSteps {
    private ConsoleHostSteps() {
    }

    /**
     * The host page lists the host's PIFs and offers Evacuate; it asks first, naming the host, and
     * the evacuation of a host whose VM is paused (only running VMs migrate) fails: the page shows
     * the task's CANNOT_EVACUATE_HOST with the reason the API gives, and the VM stays on its host.
     */
    static void evacuateTheHostOfAPausedVm(Browser browser, ConsoleIT.Pool pool, String vm) throws Exception {
        String host = pool.api().get("/api/v1/vms/" + vm).then().extract().path("residentOn");
        String hostName = pool.api().get("/api/v1/hosts/" + host).then().extract().path("name");
        browser.driver.get(pool.server().url() + "/#/hosts/" + host);
        browser.visible("section[aria-labelledby=host-pifs] tr[data-pif]");
        browser.visible("#host-actions button[data-action=evacuate]").click();
        browser.waitForText("#confirm-text", "Evacuate HOST \"" + hostName + "\"?");
        browser.driver.findElement(By.id("confirm-ok")).click();
        browser.waitForText("section[aria-labelledby=host-tasks] td.status", "failure");

        JsonPath task = pool.api().get("/api/v1/tasks?limit=1000").jsonPath();
        String reason = task.getString("find { it.operation == 'host.evacuate' }.error.parameters.reason");
        assertThat(task.getString("find { it.operation == 'host.evacuate' }.error.code")).isEqualTo("CANNOT_EVACUATE_HOST");
        assertThat(reason).isNotBlank();
        browser.waitForText("section[aria-labelledby=host-tasks] td.error", "CANNOT_EVACUATE_HOST: VM web-1");
        browser.waitForText("section[aria-labelledby=host-tasks] td.error", reason);
        assertThat((String) pool.api().get("/api/v1/vms/" + vm).then().extract().path("residentOn")).isEqualTo(host);
        browser.driver.executeScript("document.querySelector('section[aria-labelledby=host-pifs]').scrollIntoView()");
        browser.screenshot("host-evacuate-refused");
    }

    /** A read-only user sees the host's page and its PIFs, and no button that acts on the host. */
    static void aReadOnlyUserIsOfferedNoHostAction(Browser browser, ConsoleIT.Pool pool) {
        String host = pool.hosts().get(0);
        browser.driver.get(pool.server().url() + "/#/hosts/" + host);
        browser.visible("section[aria-labelledby=host-pifs] tr[data-pif]");
        assertThat(browser.driver.findElements(By.cssSelector("#host-actions button"))).isEmpty();
    }
}
