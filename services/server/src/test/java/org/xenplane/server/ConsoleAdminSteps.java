package org.xenplane.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** ConsoleIT's steps on the users, API tokens, roles and audit pages (one server and one browser, ConsoleIT's). */
final class ConsoleAdminSteps {
    private ConsoleAdminSteps() {
    }

    /**
     * A pool-admin creates a user, changes its role, unlocks it and deletes it after a confirmation
     * naming it; each effect is read back through the REST API, the unlock in the audit log page.
     */
    static void manageUsers(Browser browser, ConsoleIT.Pool pool) throws Exception {
        browser.driver.findElement(By.linkText("Users")).click();
        ConsoleIT.type(browser, "user-name", "operator-1");
        ConsoleIT.type(browser, "user-full-name", "First operator");
        new Select(browser.driver.findElement(By.id("user-role"))).selectByValue("vm-operator");
        ConsoleIT.type(browser, "user-password", "operator-password-1");
        browser.driver.findElement(By.id("user-create")).click();
        String row = "tr[data-name='operator-1']";
        String user = browser.visible(row).getAttribute("data-user");
        assertThat(role(pool, user)).isEqualTo("vm-operator");

        new Select(browser.visible(row + " select[data-input=role]")).selectByValue("pool-operator");
        browser.visible(row + " button[data-action=set_role]").click();
        browser.waitForText(row + " td.role", "pool-operator");
        assertThat(role(pool, user)).isEqualTo("pool-operator");
        browser.visible(row + " button[data-action=unlock]").click();
        await().atMost(Duration.ofSeconds(20)).until(() -> !pool.api().get("/api/v1/audit?operation=user.unlock")
                .jsonPath().getList("operation").isEmpty());
        browser.screenshot("users");

        browser.visible(row + " button[data-action=destroy]").click();
        browser.waitForText("#confirm-text", "Delete USER \"operator-1\"?");
        browser.driver.findElement(By.id("confirm-ok")).click();
        browser.await("the deleted user leaves the page", d -> d.findElements(By.cssSelector(row)).isEmpty());
        pool.api().get("/api/v1/users/" + user).then().statusCode(404);
    }

    /** A token made on the page works with its secret, shown once; revoked on the page, the API refuses it. */
    static void createAndRevokeAToken(Browser browser, ConsoleIT.Pool pool) throws Exception {
        browser.driver.findElement(By.linkText("Tokens")).click();
        ConsoleIT.type(browser, "token-name", "ci-token");
        new Select(browser.visible("#token-role")).selectByValue("read-only");
        browser.driver.findElement(By.id("token-create")).click();
        String secret = browser.visible("#token-value").getText();
        assertThat(secret).startsWith("xpu_");
        given().baseUri(pool.server().url()).auth().oauth2(secret).get("/api/v1/session").then().statusCode(200);
        browser.screenshot("tokens");

        String row = "tr[data-name='ci-token']";
        browser.visible(row + " button[data-action=revoke]").click();
        browser.waitForText("#confirm-text", "Revoke TOKEN \"ci-token\"?");
        browser.driver.findElement(By.id("confirm-ok")).click();
        browser.waitForText(row + " td.state", "revoked");
        await().atMost(Duration.ofSeconds(20)).until(() ->
                given().baseUri(pool.server().url()).auth().oauth2(secret).get("/api/v1/session").statusCode() == 401);
    }

    /** The roles page shows GET /api/v1/roles as a matrix; the audit page pages through the log, newest first. */
    static void readRolesAndTheAuditLog(Browser browser, ConsoleIT.Pool pool) throws Exception {
        browser.driver.findElement(By.linkText("Roles")).click();
        browser.visible("tr[data-operation='vm.start']");
        List<String> roles = pool.api().get("/api/v1/roles").jsonPath().getList("name");
        int expected = pool.api().get("/api/v1/roles").jsonPath().getList("findAll { it.operations.contains('vm.start') }").size();
        assertThat(browser.driver.findElements(By.cssSelector("tr[data-operation='vm.start'] td.yes"))).hasSize(expected);
        assertThat(browser.driver.findElements(By.cssSelector("tr[data-operation='vm.start'] td"))).hasSize(roles.size());
        browser.screenshot("roles");

        browser.driver.findElement(By.linkText("Audit")).click();
        browser.visible("tr[data-operation='user.unlock']");
        browser.waitForText("#audit-page", "Entries 1–");
        assertThat(pool.api().get("/api/v1/audit?limit=1&offset=50").jsonPath().getList("operation")).isNotEmpty();
        browser.visible("#audit-next").click();
        browser.waitForText("#audit-page", "Entries 51–");
        browser.screenshot("audit");
    }

    /** A read-only user reads users, tokens and roles with no button that changes a user, and is offered no audit page. */
    static void aReadOnlyUserIsOfferedNoAdminAction(Browser browser, ConsoleIT.Pool pool) {
        browser.driver.findElement(By.linkText("Users")).click();
        browser.visible("tr[data-name='admin']");
        assertThat(browser.driver.findElements(By.cssSelector("#view button, #view form"))).isEmpty();
        assertThat(browser.driver.findElement(By.cssSelector("#nav a[href='#/audit']")).isDisplayed()).isFalse();
    }

    private static String role(ConsoleIT.Pool pool, String user) {
        return pool.api().get("/api/v1/users/" + user).then().statusCode(200).extract().path("role");
    }
}
