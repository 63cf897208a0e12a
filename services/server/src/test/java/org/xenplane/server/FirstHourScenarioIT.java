package org.xenplane.server;

import org.xenplane.testing.FreePorts;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first hour of a XenServer admin, as the README and docs/api.md tell it, against the
 * packaged server and daemon as real processes: log in with the README's lines, make the README's
 * VM, put a NIC on the first network listed, give it a disk with docs/api.md's commands run as
 * written, snapshot, start as curl does, migrate, shut down, destroy; and the mistakes a newcomer
 * makes on the way, each answered with a code and a message that names the way out.
 */
class FirstHourScenarioIT {
    @TempDir
    Path workDir;

    @Test
    void aNewcomerFollowsTheReadmeAndTheDocsFromLoginToDestroy() throws Exception {
        ServerProcess server = ServerProcess.onEmbeddedDatabase(workDir, FreePorts.next()).start();
        String joinTokens = server.newJoinToken() + "," + server.newJoinToken();
        try (DaemonProcess daemon = new DaemonProcess(Files.createDirectories(workDir.resolve("daemon")), server.url(), 2, joinTokens,
                FreePorts.next()).start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> liveHosts(server).size() == 2);
            Docs docs = new Docs(server.url(), workDir);
            String token = docs.readmeLogin(ServerProcess.ADMIN_PASSWORD);
            assertThat(token).startsWith("xpu_");
            Supplier<RequestSpecification> api = () -> given().baseUri(server.url()).auth().oauth2(token)
                    .contentType(ContentType.JSON);

            String vm = api.get().body(docs.readmeVmBody()).post("/api/v1/vms").then().statusCode(201).extract().path("id");
            String network = firstNetworkListed(api);
            api.get().body(Map.of("vmId", vm, "networkId", network, "device", 0)).post("/api/v1/vifs").then().statusCode(201);
            String host = liveHosts(server).get(0);
            Shell.Result disk = docs.runFirstDiskExample(token, host, vm);
            assertThat(disk.exit()).as("docs/api.md's first-disk commands: %s", disk).isZero();
            JsonPath halted = vm(api, vm);
            assertThat(halted.getList("allowedOperations")).contains("start", "snapshot").doesNotContain("revert");

            assertProblem(api.get().post("/api/v1/vms/" + vm + "/snapshot"), 400, "INVALID_FIELD", "needs a JSON body", "name");
            Response snapshotted = api.get().body(Map.of("name", "before-start")).post("/api/v1/vms/" + vm + "/snapshot");
            succeed(api, snapshotted, "snapshot");
            String snapshot = snapshotted.jsonPath().getString("id");
            assertThat(vm(api, snapshot).getBoolean("isASnapshot")).isTrue();
            Shell.Result started = Shell.curlPostWithoutBody(server.url() + "/api/v1/vms/" + vm + "/start", token);
            assertThat(started.statusLine()).as(started.toString()).contains(" 202");
            finished(api, started.header("Xenplane-Task"), "start");
            assertThat(vm(api, vm).getString("powerState")).isEqualTo("running");
            String residentOn = vm(api, vm).getString("residentOn");
            String other = liveHosts(server).stream().filter(h -> !h.equals(residentOn)).findFirst().orElseThrow();
            Response migrate = api.get().body(Map.of("host", other)).post("/api/v1/vms/" + vm + "/migrate");
            assertProblem(migrate, 409, "SR_NOT_ATTACHED", "Plug its PBD");

            mistakes(server, api, vm, host);

            succeed(api, api.get().post("/api/v1/vms/" + vm + "/clean-shutdown"), "clean_shutdown");
            api.get().delete("/api/v1/vms/" + snapshot + "?destroyDisks=true").then().statusCode(204);
            api.get().delete("/api/v1/vms/" + vm + "?destroyDisks=true").then().statusCode(204);
            await().atMost(Duration.ofSeconds(30)).until(() -> api.get().get("/api/v1/vms/" + vm).statusCode() == 404);
            assertThat(api.get().get("/api/v1/vdis").then().extract().jsonPath().getList("findAll { it.managed }")).isEmpty();
        } finally {
            server.stop();
        }
    }

    /** Each mistake of the first hour: the code a client matches on, and a message that says what to do. */
    private static void mistakes(ServerProcess server, Supplier<RequestSpecification> api, String vm, String host) {
        assertProblem(api.get().body("{\"foo\": \"bar\"}").post("/api/v1/vms"), 400, "INVALID_FIELD", "unknown field", "template");
        assertProblem(api.get().body(Map.of("vmId", vm, "networkId", "xenbr0", "device", 1)).post("/api/v1/vifs"), 400,
                "INVALID_FIELD", "an id");
        assertProblem(api.get().post("/api/v1/hosts/sim-host-1/disable"), 400, "UUID_INVALID", "not names");
        assertProblem(api.get().post("/api/v1/vms/" + vm + "/start"), 409, "VM_BAD_POWER_STATE", "Change its power state");
        assertProblem(api.get().body(Map.of("memoryDynamicMin", 512)).patch("/api/v1/vms/" + vm), 400,
                "MEMORY_CONSTRAINT_VIOLATION", "memoryDynamicMin=512", "Change them");

        Response noToken = given().baseUri(server.url()).get("/api/v1/vms");
        assertProblem(noToken, 401, "SESSION_AUTHENTICATION_FAILED", "no credentials", "POST /api/v1/session");
        assertThat(noToken.getHeader("WWW-Authenticate")).startsWith("Bearer");
        Response noBearer = given().baseUri(server.url()).header("Authorization", "xpu_not-a-bearer").get("/api/v1/vms");
        assertProblem(noBearer, 401, "SESSION_AUTHENTICATION_FAILED", "Bearer <token>");
        Response unknown = given().baseUri(server.url()).auth().oauth2("xpu_unknown").get("/api/v1/vms");
        assertProblem(unknown, 401, "SESSION_INVALID", "Log in again");
        Response wrongPassword = given().baseUri(server.url()).contentType(ContentType.JSON)
                .body(Map.of("username", "admin", "password", "wrong")).post("/api/v1/session");
        assertProblem(wrongPassword, 401, "SESSION_AUTHENTICATION_FAILED", "wrong user name or password");
        assertThat(api.get().get("/api/v1/hosts/" + host).then().statusCode(200).extract().jsonPath().getString("name"))
                .startsWith("sim-host-");
    }

    private static void assertProblem(Response response, int status, String code, String... saying) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonPath problem = response.jsonPath();
        assertThat(problem.getString("code")).isEqualTo(code);
        String title = problem.getString("title");
        assertThat(title).as("a human title, not the code in words").isNotBlank()
                .isNotEqualToIgnoringCase(code.replace('_', ' '));
        assertThat(problem.getString("detail")).as(response.asString()).contains(saying);
    }

    private static JsonPath succeed(Supplier<RequestSpecification> api, Response accepted, String operation) {
        assertThat(accepted.statusCode()).as(accepted.asString()).isIn(200, 201, 202);
        return finished(api, accepted.getHeader("Xenplane-Task"), operation);
    }

    private static JsonPath finished(Supplier<RequestSpecification> api, String task, String operation) {
        JsonPath finished = api.get().get("/api/v1/tasks/" + task + "?wait=60").then().statusCode(200).extract().jsonPath();
        assertThat(finished.getString("status")).as("%s: %s", operation, finished.prettify()).isEqualTo("success");
        return finished;
    }

    private static JsonPath vm(Supplier<RequestSpecification> api, String id) {
        return api.get().get("/api/v1/vms/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** The first network GET /networks lists, once the hosts' NICs have been reported. */
    private static String firstNetworkListed(Supplier<RequestSpecification> api) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !api.get().get("/api/v1/networks").jsonPath().getList("id").isEmpty());
        JsonPath networks = api.get().get("/api/v1/networks").jsonPath();
        assertThat(networks.getString("[0].bridge")).isEqualTo("xenbr0");
        return networks.getString("[0].id");
    }

    private static List<String> liveHosts(ServerProcess server) {
        return server.api().get("/api/v1/hosts").then().extract().jsonPath().getList("findAll { it.live }.id");
    }

    /** The commands of README.md and docs/api.md, taken from the files so that they cannot drift. */
    private record Docs(String url, Path workDir) {
        private static final String DOCS_URL = "http://127.0.0.1:8080";

        String readmeLogin(String password) throws Exception {
            Files.createDirectories(workDir.resolve(".xenplane"));
            Files.writeString(workDir.resolve(".xenplane/admin-password"), password);
            String block = shBlock(read("README.md"), "## Using the API");
            String login = block.substring(0, block.indexOf("curl -H \"Authorization: Bearer $TOKEN\""));
            Shell.Result result = Shell.bash(login.replace(DOCS_URL, url) + "\nprintf '%s' \"$TOKEN\"\n", workDir, Map.of());
            assertThat(result.exit()).as(result.toString()).isZero();
            return result.stdout();
        }

        String readmeVmBody() throws Exception {
            String block = shBlock(read("README.md"), "## Using the API");
            int at = block.indexOf("-d '{\"template\"");
            return block.substring(at + 4, block.indexOf("}'", at) + 1);
        }

        Shell.Result runFirstDiskExample(String token, String host, String vm) throws Exception {
            String block = shBlock(read("docs/api.md"), "A VM's first disk");
            Path sr = Files.createDirectories(workDir.resolve("sr/local"));
            String script = "set -e\n" + block.replace(DOCS_URL, url).replace("/var/lib/xenplane/sr/local", sr.toString());
            return Shell.bash(script, workDir, Map.of("TOKEN", token, "HOST", host, "VM", vm));
        }

        private static String read(String file) throws Exception {
            return Files.readString(Path.of("../..", file));
        }

        /** The first ```sh block after the given text. */
        private static String shBlock(String document, String after) {
            String rest = document.substring(document.indexOf(after));
            String block = rest.substring(rest.indexOf("```sh\n") + 6);
            return block.substring(0, block.indexOf("```"));
        }
    }
}
