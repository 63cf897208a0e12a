package org.xenplane.server;

import org.xenplane.testing.FreePorts;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One simulated host for a {@code @QuarkusTest} of the all-in-one server: the packaged host daemon
 * (simulator driver, real qemu-img) joins the control plane under test, and a local file SR on it
 * holds real qcow2 files. Started once per test JVM; the daemon is stopped when the JVM exits.
 */
final class SimulatedDiskHost {
    static final String ADMIN_TOKEN = "xpu_test-admin-token-0123456789abcdefghijklmnopqrstu";
    static final long MIB = 1024 * 1024;
    private static final String TEMPLATE = "6a1f2d3e-0000-4000-8000-000000000001";
    private static SimulatedDiskHost instance;

    final UUID hostId;
    final UUID srId;
    final Path srPath;
    final String daemonUrl;

    private SimulatedDiskHost() throws Exception {
        Path root = Files.createTempDirectory("xenplane-disk-race");
        String prefix = "race-" + UUID.randomUUID().toString().substring(0, 8);
        int port = FreePorts.next();
        String token = admin().body("{}").post("/api/v1/pool/join-tokens").then().statusCode(201).extract().path("token");
        DaemonProcess daemon = new DaemonProcess(root, "http://127.0.0.1:" + RestAssured.port, 1, token, port,
                Map.of("xenplane.daemon.simulator.name-prefix", prefix)).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                daemon.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        String[] joined = new String[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            if (!daemon.isAlive()) {
                throw new IllegalStateException("the daemon exited: " + daemon.log());
            }
            List<String> ids = admin().get("/api/v1/hosts").then().statusCode(200).extract().jsonPath()
                    .getList("findAll { it.name == '" + prefix + "-1' && it.live }.id");
            joined[0] = ids.isEmpty() ? null : ids.get(0);
            return joined[0] != null;
        });
        hostId = UUID.fromString(joined[0]);
        daemonUrl = "http://127.0.0.1:" + port + "/daemon/v1/hosts/" + prefix + "-1";
        srPath = root.resolve("sr");
        srId = UUID.fromString(admin().body(Map.of("name", prefix, "type", "file", "hostId", hostId,
                "deviceConfig", Map.of("path", srPath.toString()))).post("/api/v1/srs").then().statusCode(201).extract().path("id"));
    }

    static synchronized SimulatedDiskHost get() {
        if (instance == null) {
            try {
                instance = new SimulatedDiskHost();
            } catch (Exception e) {
                throw new IllegalStateException("could not start the simulated host", e);
            }
        }
        return instance;
    }

    static RequestSpecification admin() {
        return given().auth().oauth2(ADMIN_TOKEN).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** A small halted VM with one new read-write disk on the SR as xvda; answers {vm, vdi, vbd}. */
    UUID[] vmWithDisk(String name) {
        UUID vm = UUID.fromString(admin().body(Map.of("template", TEMPLATE, "name", name, "memoryStaticMin", 128 * MIB,
                        "memoryStaticMax", 128 * MIB, "memoryDynamicMin", 128 * MIB, "memoryDynamicMax", 128 * MIB))
                .post("/api/v1/vms").then().statusCode(201).extract().path("id"));
        UUID vdi = UUID.fromString(admin().body(Map.of("srId", srId, "name", name, "virtualSize", 8 * MIB))
                .post("/api/v1/vdis").then().statusCode(201).extract().path("id"));
        UUID vbd = UUID.fromString(admin().body(Map.of("vmId", vm, "vdiId", vdi, "userdevice", 0, "mode", "RW"))
                .post("/api/v1/vbds").then().statusCode(201).extract().path("id"));
        return new UUID[] {vm, vdi, vbd};
    }

    /** The qcow2 file of a VDI on the SR. */
    Path file(UUID vdi) {
        return srPath.resolve(vdi + ".qcow2");
    }

    /** Waits for a task to be final; answers it. */
    static JsonPath awaitTask(String taskId) {
        JsonPath[] last = new JsonPath[1];
        // the server holds the request until the task is final (or 5 s): no delay before the first ask
        await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10)).until(() -> {
            last[0] = admin().get("/api/v1/tasks/" + taskId + "?wait=5").then().statusCode(200).extract().jsonPath();
            String status = last[0].getString("status");
            return !"pending".equals(status) && !"cancelling".equals(status);
        });
        return last[0];
    }

    /** Shuts the VM down if it runs and destroys it with its disks. */
    void remove(UUID vm) {
        String state = admin().get("/api/v1/vms/" + vm).then().statusCode(200).extract().path("powerState");
        if (!"halted".equals(state)) {
            String task = admin().post("/api/v1/vms/" + vm + "/hard-shutdown").then().statusCode(202).extract().path("id");
            awaitTask(task);
        }
        admin().delete("/api/v1/vms/" + vm + "?destroyDisks=true").then().statusCode(204);
    }
}
