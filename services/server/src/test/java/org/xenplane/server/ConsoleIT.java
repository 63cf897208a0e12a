package org.xenplane.server;

import org.xenplane.testing.FreePorts;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The web console (module console/, served at / by the packaged server) in a real headless
 * Chromium, against the packaged server and a daemon simulating two hosts, all as real processes
 * and with one server start: log in (a wrong password is explained), create a VM with a disk and
 * a NIC through the wizard, start it and see it run, refuse a destructive action at its
 * confirmation, see changes made by another client appear live without a reload, disable and
 * enable a host, and, as a read-only user, see no action offered and have a direct API call from
 * the page refused; last, repeated wrong passwords are throttled and the login page says so. The
 * pages of phase 2 each run one real action whose effect is read back through the REST API, and
 * are seen by the read-only user with no action: a host's evacuation (ConsoleHostSteps), storage
 * with an image upload (ConsoleStorageSteps), networks and VLANs (ConsoleNetworkSteps), HA
 * (ConsoleHaSteps), messages (ConsoleMessageSteps), users, API tokens, roles and the audit log
 * (ConsoleAdminSteps). Each page's screenshot goes to target/console-screenshots.
 */
class ConsoleIT {
    private static final Path SCREENSHOTS = Path.of("target/console-screenshots");
    private static final String PVH_TEMPLATE = "6a1f2d3e-0000-4000-8000-000000000001";
    private static final String AUDITOR = "auditor";
    private static final String AUDITOR_PASSWORD = "auditor-password-1";

    @TempDir
    Path workDir;

    @Test
    void anAdministratorRunsTheConsoleAndAReadOnlyUserIsOfferedNothing() throws Exception {
        long began = System.nanoTime();
        ServerProcess server = ServerProcess.onEmbeddedDatabase(workDir, FreePorts.next()).start();
        phase("server started", began);
        String tokens = server.newJoinToken() + "," + server.newJoinToken();
        Path daemonDir = Files.createDirectories(workDir.resolve("daemon"));
        int daemonPort = FreePorts.next();
        try (DaemonProcess daemon = new DaemonProcess(daemonDir, server.url(), 2, tokens, daemonPort).start();
             Browser browser = Browser.start(workDir.resolve("chromium-profile"), SCREENSHOTS)) {
            Pool pool = Pool.prepare(server, workDir);
            phase("hosts live, SR, network and user made", began);
            logIn(browser, server, "admin", ServerProcess.ADMIN_PASSWORD, "admin (pool-admin)");
            browser.await("both hosts on the dashboard",
                    d -> d.findElements(By.cssSelector("section[aria-labelledby=dash-hosts] tbody tr")).size() == 2);
            browser.screenshot("dashboard");

            String vm = createThroughTheWizard(browser, pool);
            startAndRefuseAForcedShutdown(browser, server, vm);
            seeAnotherClientsChangesLive(browser, server, vm);
            disableAndEnableAHost(browser, server, pool.hosts().get(0));
            ConsoleHostSteps.evacuateTheHostOfAPausedVm(browser, pool, vm);
            phase("phase 1 steps and the evacuation done", began);
            ConsoleStorageSteps.manageStorage(browser, pool, workDir);
            phase("storage done", began);
            ConsoleNetworkSteps.manageNetworks(browser, pool);
            phase("networks done", began);
            ConsoleHaSteps.enableHaAndSeeItDisabledElsewhere(browser, pool, "made-elsewhere");
            ConsoleMessageSteps.seeACrashAndDismissIt(browser, pool, "made-elsewhere", daemonDir, daemonPort);
            phase("HA and messages done", began);
            ConsoleAdminSteps.manageUsers(browser, pool);
            ConsoleAdminSteps.createAndRevokeAToken(browser, pool);
            ConsoleAdminSteps.readRolesAndTheAuditLog(browser, pool);
            phase("users, tokens, roles and audit done", began);
            browser.driver.get(server.url() + "/#/tasks");
            browser.visible("tr[data-task]");
            browser.screenshot("tasks");
            browser.driver.get(server.url() + "/#/");
            browser.visible("#vm-counts");
            browser.driver.findElement(By.id("theme")).click();
            assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("data-theme")).isEqualTo("dark");
            browser.screenshot("dashboard-dark");

            browser.driver.findElement(By.id("logout")).click();
            browser.visible("#login-title");
            logIn(browser, server, AUDITOR, AUDITOR_PASSWORD, AUDITOR + " (read-only)");
            aReadOnlyUserIsOfferedNothingAndRefusedByTheApi(browser, server, vm);
            ConsoleHostSteps.aReadOnlyUserIsOfferedNoHostAction(browser, pool);
            ConsoleStorageSteps.aReadOnlyUserIsOfferedNoStorageAction(browser, pool);
            ConsoleNetworkSteps.aReadOnlyUserIsOfferedNoNetworkAction(browser, pool);
            ConsoleHaSteps.aReadOnlyUserIsOfferedNoHaAction(browser, pool);
            ConsoleAdminSteps.aReadOnlyUserIsOfferedNoAdminAction(browser, pool);
            browser.driver.findElement(By.id("logout")).click();
            repeatedWrongPasswordsAreThrottledAndSaidSo(browser); // last: it throttles this address's logins for a while
            phase("browser steps done", began);
        } finally {
            server.stop();
        }
    }

    private static void logIn(Browser browser, ServerProcess server, String user, String password, String who) throws Exception {
        browser.driver.get(server.url() + "/");
        browser.visible("#login-title");
        assertThat(browser.driver.getTitle()).isEqualTo("Xenplane");
        if (user.equals("admin")) {
            browser.screenshot("login");
            type(browser, "username", user);
            type(browser, "password", "not the password");
            browser.driver.findElement(By.cssSelector("form.login button[type=submit]")).click();
            browser.waitForText("#login-error", "Wrong user name or password. (SESSION_AUTHENTICATION_FAILED)");
        }
        type(browser, "username", user);
        type(browser, "password", password);
        browser.driver.findElement(By.cssSelector("form.login button[type=submit]")).click();
        browser.waitForText("#who", who);
        browser.waitForText("#live", "Live");
    }

    /** The wizard makes the VM, its disk on the chosen SR and its NIC on the chosen network, not started. */
    private static String createThroughTheWizard(Browser browser, Pool pool) throws Exception {
        browser.driver.findElement(By.linkText("VMs")).click();
        browser.visible("#new-vm").click();
        new Select(browser.visible("#wiz-template")).selectByValue(PVH_TEMPLATE);
        type(browser, "wiz-name", "web-1");
        type(browser, "wiz-cpus", "2");
        type(browser, "wiz-memory", "256");
        new Select(browser.driver.findElement(By.id("wiz-sr"))).selectByValue(pool.sr());
        type(browser, "wiz-disk", "1");
        new Select(browser.driver.findElement(By.id("wiz-network"))).selectByValue(pool.network());
        browser.driver.findElement(By.id("wiz-start")).click(); // not started here: the VM page's Start button does it
        browser.screenshot("new-vm");
        browser.driver.findElement(By.id("wiz-create")).click();

        String vm = browser.await("the new VM's page", d -> {
            String url = d.getCurrentUrl();
            return url.matches(".*#/vms/[0-9a-f-]{36}$") ? url.substring(url.lastIndexOf('/') + 1) : null;
        });
        browser.waitForText("#vm-power", "halted");
        browser.waitForText("section[aria-labelledby=vm-disks]", "web-1 disk 0");
        browser.waitForText("section[aria-labelledby=vm-nics]", pool.networkName());
        var created = pool.api().get("/api/v1/vms/" + vm).then().statusCode(200).extract().jsonPath();
        assertThat(created.getString("name")).isEqualTo("web-1");
        assertThat(created.getInt("vcpusMax")).isEqualTo(2);
        assertThat(created.getLong("memoryStaticMax")).isEqualTo(256L << 20);
        assertThat(pool.api().get("/api/v1/vbds?vm=" + vm).jsonPath().getList("vdiId")).hasSize(1);
        assertThat(pool.api().get("/api/v1/vifs?vm=" + vm).jsonPath().getList("networkId")).containsExactly(pool.network());
        return vm;
    }

    private static void startAndRefuseAForcedShutdown(Browser browser, ServerProcess server, String vm) throws Exception {
        browser.visible("#vm-actions button[data-action=start]").click();
        browser.waitForText("#vm-power", "running");
        browser.visible("#vm-actions button[data-action=hard_shutdown]");
        browser.screenshot("vm-detail");

        browser.driver.findElement(By.cssSelector("#vm-actions button[data-action=hard_shutdown]")).click();
        browser.waitForText("#confirm-text", "Force shut down VM \"web-1\"?");
        browser.screenshot("confirm");
        browser.driver.findElement(By.id("confirm-cancel")).click();
        browser.await("the dialog closes", d -> !d.findElement(By.id("confirm")).isDisplayed());
        assertThat(server.api().get("/api/v1/tasks?limit=1000").jsonPath().getList("operation")).doesNotContain("vm.hard_shutdown");
        assertThat((String) server.api().get("/api/v1/vms/" + vm).then().extract().path("powerState")).isEqualTo("running");
    }

    /** A VM made and a VM paused by another client appear on the open VM list, which is not reloaded. */
    private static void seeAnotherClientsChangesLive(Browser browser, ServerProcess server, String vm) throws Exception {
        browser.driver.findElement(By.linkText("VMs")).click();
        browser.visible("tr[data-vm='" + vm + "']");
        browser.driver.executeScript("window.consoleItNotReloaded = true;");
        server.api().body(Map.of("template", PVH_TEMPLATE, "name", "made-elsewhere", "memoryStaticMin", 128 << 20,
                "memoryStaticMax", 128 << 20, "memoryDynamicMin", 128 << 20, "memoryDynamicMax", 128 << 20))
                .post("/api/v1/vms").then().statusCode(201);
        server.api().post("/api/v1/vms/" + vm + "/pause").then().statusCode(200);
        browser.visible("tr[data-name='made-elsewhere']");
        browser.waitForText("tr[data-vm='" + vm + "'] td.power", "paused");
        assertThat(browser.driver.executeScript("return window.consoleItNotReloaded === true;")).isEqualTo(true);
        browser.screenshot("vm-list");
    }

    private static void disableAndEnableAHost(Browser browser, ServerProcess server, String host) throws Exception {
        browser.driver.findElement(By.linkText("Hosts")).click();
        String row = "tr[data-host='" + host + "']";
        browser.visible(row + " button[data-action=disable]").click();
        browser.waitForText(row + " td.enabled", "disabled");
        assertThat((Boolean) server.api().get("/api/v1/hosts/" + host).then().extract().path("enabled")).isFalse();
        browser.screenshot("hosts");
        browser.visible(row + " button[data-action=enable]").click();
        browser.waitForText(row + " td.enabled", "enabled");
        browser.driver.findElement(By.cssSelector(row + " th a")).click();
        browser.visible("#host-actions button[data-action=disable]");
        browser.screenshot("host-detail");
    }

    private static void aReadOnlyUserIsOfferedNothingAndRefusedByTheApi(Browser browser, ServerProcess server, String vm)
            throws Exception {
        browser.driver.findElement(By.linkText("VMs")).click();
        browser.visible("tr[data-vm='" + vm + "']");
        browser.visible("tr[data-name='made-elsewhere']");
        assertThat(browser.driver.findElements(By.cssSelector("button[data-action]"))).isEmpty();
        assertThat(browser.driver.findElements(By.id("new-vm"))).isEmpty();
        browser.screenshot("vm-list-read-only");
        browser.driver.findElement(By.cssSelector("tr[data-vm='" + vm + "'] th a")).click();
        browser.waitForText("#vm-power", "paused");
        assertThat(browser.driver.findElements(By.cssSelector("#vm-actions button"))).isEmpty();

        Object answer = browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "import('/js/api.js').then(api => api.post('/vms/" + vm + "/hard-shutdown'))"
                + ".then(() => done('allowed'), e => done(e.status + ' ' + e.code));");
        assertThat(answer).isEqualTo("403 RBAC_PERMISSION_DENIED");
        assertThat((String) server.api().get("/api/v1/vms/" + vm).then().extract().path("powerState")).isEqualTo("paused");
    }

    /** Where the time goes (printed, not asserted): the report reads it from the test's output. */
    private static void phase(String what, long began) {
        System.out.printf("ConsoleIT: %s after %.1f s%n", what, (System.nanoTime() - began) / 1e9);
    }

    /** From the third failure the API throttles the login (429); the page says to wait, with the code. */
    private static void repeatedWrongPasswordsAreThrottledAndSaidSo(Browser browser) throws Exception {
        browser.visible("#login-title");
        String message = "";
        for (int attempt = 1; attempt <= 6 && !message.contains("AUTHENTICATION_THROTTLED"); attempt++) {
            browser.driver.executeScript("document.getElementById('login-error').textContent = '';");
            type(browser, "username", "nobody");
            type(browser, "password", "wrong password " + attempt);
            browser.driver.findElement(By.cssSelector("form.login button[type=submit]")).click();
            message = browser.await("an answer to login attempt " + attempt, d -> {
                String text = d.findElement(By.id("login-error")).getText();
                return text.isEmpty() ? null : text;
            });
        }
        assertThat(message).matches("Too many failed logins: wait \\d+ seconds? before trying again\\. \\(AUTHENTICATION_THROTTLED\\)");
        browser.screenshot("login-throttled");
    }

    static void type(Browser browser, String id, String text) {
        var input = browser.driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** What the console works on, made through the REST API: two live hosts, a file SR, a network, a read-only user. */
    record Pool(ServerProcess server, List<String> hosts, String sr, String network, String networkName) {
        static Pool prepare(ServerProcess server, Path workDir) throws Exception {
            await().atMost(Duration.ofSeconds(60)).until(() -> live(server).size() == 2);
            List<String> hosts = live(server);
            String sr = server.api().body(Map.of("name", "local", "type", "file", "hostId", hosts.get(0),
                    "deviceConfig", Map.of("path", Files.createDirectories(workDir.resolve("sr/local")).toString())))
                    .post("/api/v1/srs").then().statusCode(201).extract().path("id");
            await().atMost(Duration.ofSeconds(30)).until(() -> !server.api().get("/api/v1/networks").jsonPath().getList("id").isEmpty());
            var network = server.api().get("/api/v1/networks").jsonPath();
            server.api().body(Map.of("username", AUDITOR, "fullName", "Read-only auditor", "role", "read-only",
                    "password", AUDITOR_PASSWORD)).post("/api/v1/users").then().statusCode(201);
            return new Pool(server, hosts, sr, network.getString("[0].id"), network.getString("[0].name"));
        }

        io.restassured.specification.RequestSpecification api() {
            return given().baseUri(server.url()).auth().oauth2(ServerProcess.ADMIN_TOKEN).contentType(ContentType.JSON);
        }

        private static List<String> live(ServerProcess server) {
            return server.api().get("/api/v1/hosts").then().statusCode(200).extract().jsonPath().getList("findAll { it.live }.id");
        }
    }
}
