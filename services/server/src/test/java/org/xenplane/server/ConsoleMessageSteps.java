package org.xenplane.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.openqa.selenium.By;

/** ConsoleIT's steps on the messages page (one server and one browser, ConsoleIT's). */
final class ConsoleMessageSteps {
    private ConsoleMessageSteps() {
    }

    /**
     * A guest that crashes (the simulated host's guest action, as a real guest would) makes the
     * server post VM_CRASHED: it appears on the open messages page without a reload, and
     * dismissing it there removes it from GET /api/v1/messages.
     */
    static void seeACrashAndDismissIt(Browser browser, ConsoleIT.Pool pool, String vmName, Path daemonDir, int daemonPort)
            throws Exception {
        browser.driver.findElement(By.linkText("Messages")).click();
        browser.visible("#view h1");
        browser.driver.executeScript("window.consoleItNotReloaded = true;");
        String vm = pool.api().get("/api/v1/vms").jsonPath().getString("find { it.name == '" + vmName + "' }.id");
        String task = pool.api().body(Map.of("paused", false)).post("/api/v1/vms/" + vm + "/start").then().statusCode(202).extract().path("id");
        assertThat((String) pool.api().get("/api/v1/tasks/" + task + "?wait=60").then().extract().path("status")).isEqualTo("success");
        String host = pool.api().get("/api/v1/vms/" + vm).then().extract().path("residentOn");
        String localKey = pool.api().get("/api/v1/hosts/" + host).then().extract().path("name");
        String credential = new ObjectMapper().readTree(daemonDir.resolve(localKey + ".json").toFile()).get("controlPlaneCredential").asText();
        given().baseUri("http://127.0.0.1:" + daemonPort).auth().oauth2(credential).contentType("application/json")
                .body(Map.of("action", "crash")).post("/daemon/v1/hosts/" + localKey + "/simulator/domains/" + vm + "/guest-action")
                .then().statusCode(204);

        String row = "tr[data-name='VM_CRASHED']";
        browser.visible(row + " button[data-action=dismiss]");
        browser.screenshot("messages");
        browser.visible(row + " button[data-action=dismiss]").click();
        browser.await("the dismissed message leaves the page", d -> d.findElements(By.cssSelector(row)).isEmpty());
        assertThat(pool.api().get("/api/v1/messages?class=vm&object=" + vm).jsonPath().getList("name")).doesNotContain("VM_CRASHED");
        assertThat(browser.driver.executeScript("return window.consoleItNotReloaded === true;")).isEqualTo(true);
    }
}
