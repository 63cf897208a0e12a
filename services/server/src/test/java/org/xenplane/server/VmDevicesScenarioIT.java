package org.xenplane.server;

import org.xenplane.testing.FreePorts;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A VM's disks and NICs through its life, with real processes: the packaged all-in-one server
 * (VM, storage and network services in one process), the packaged host daemon simulating two
 * hosts, and real qcow2 files made by qemu-img on a shared file SR. What the hypervisor was
 * handed is read back from the daemon's own Prometheus exposition of the domain's devices.
 */
class VmDevicesScenarioIT {
    private static final long MIB = 1024 * 1024;
    private static final String METRICS_TOKEN = "scenario-metrics-token-0123456789";
    private static final String TEMPLATE = "6a1f2d3e-0000-4000-8000-000000000001";

    @TempDir
    Path workDir;

    @Test
    void aVmsDisksAndNicsFollowItFromStartToDestroy() throws Exception {
        Files.createDirectories(workDir.resolve("server"));
        Files.createDirectories(workDir.resolve("daemon"));
        int daemonPort = FreePorts.next();
        try (ServerProcess server = ServerProcess.onEmbeddedDatabase(workDir.resolve("server"), FreePorts.next()).start()) {
            String tokens = server.newJoinToken() + "," + server.newJoinToken();
            try (DaemonProcess daemon = new DaemonProcess(workDir.resolve("daemon"), server.url(), 2, tokens, daemonPort,
                    Map.of("xenplane.daemon.metrics.token", METRICS_TOKEN, "xenplane.daemon.metrics.interval", "1s")).start()) {
                try {
                    scenario(server, "http://127.0.0.1:" + daemonPort);
                } catch (AssertionError | RuntimeException e) {
                    throw new AssertionError(e.getMessage() + "\n" + server.log() + "\n" + daemon.log(), e);
                }
            }
        }
    }

    private void scenario(ServerProcess server, String daemonUrl) {
        await().atMost(Duration.ofSeconds(60)).until(() -> server.api().get("/api/v1/hosts").then().extract().jsonPath()
                .getList("findAll { it.live }").size() == 2);
        String sr = server.api().body(Map.of("name", "shared", "type", "file", "shared", true,
                        "deviceConfig", Map.of("path", workDir.resolve("sr").toString())))
                .post("/api/v1/srs").then().statusCode(201).extract().path("id");
        String system = newDisk(server, sr, "system");
        String network = server.api().body(Map.of("name", "private")).post("/api/v1/networks").then().statusCode(201)
                .extract().path("id");

        String web = newVm(server, "web");
        String webSystem = newVbd(server, web, system, 0);
        String vif = server.api().body(Map.of("vmId", web, "device", 0, "networkId", network)).post("/api/v1/vifs")
                .then().statusCode(201).extract().path("id");

        // start: the disk is attached where the VM runs, the NIC too, and the domain has both
        assertThat(operation(server, web, "start").getString("status")).isEqualTo("success");
        String host = server.api().get("/api/v1/vms/" + web).then().extract().path("residentOn");
        JsonPath vbd = server.api().get("/api/v1/vbds/" + webSystem).then().statusCode(200).extract().jsonPath();
        assertThat(vbd.getBoolean("currentlyAttached")).isTrue();
        assertThat(vbd.getString("attachedHostId")).isEqualTo(host);
        assertThat((Boolean) server.api().get("/api/v1/vifs/" + vif).then().extract().path("currentlyAttached")).isTrue();
        awaitDomainDevices(daemonUrl, web, List.of("vbd=\"xvda\"", "vif=\"0\""), List.of());

        // a second VM may not start on the same read-write disk
        String other = newVm(server, "other");
        newVbd(server, other, system, 0);
        JsonPath refused = operation(server, other, "start");
        assertThat(refused.getString("status")).isEqualTo("failure");
        assertThat(refused.getString("error.code")).isEqualTo("VDI_IN_USE");
        assertThat((String) server.api().get("/api/v1/vms/" + other).then().extract().path("powerState")).isEqualTo("halted");

        // two VMs starting at once on one read-write disk: exactly one wins
        String shared = newDisk(server, sr, "contended");
        List<String> racers = List.of(newVm(server, "racer 1"), newVm(server, "racer 2"));
        racers.forEach(racer -> newVbd(server, racer, shared, 0));
        List<JsonPath> outcomes = racers.parallelStream().map(racer -> operation(server, racer, "start")).toList();
        assertThat(outcomes).extracting(o -> o.getString("status")).containsExactlyInAnyOrder("success", "failure");
        assertThat(outcomes).extracting(o -> o.getString("error.code")).containsExactlyInAnyOrder(null, "VDI_IN_USE");
        for (String racer : racers) {
            if ("running".equals(server.api().get("/api/v1/vms/" + racer).then().extract().path("powerState"))) {
                assertThat(operation(server, racer, "hard-shutdown").getString("status")).isEqualTo("success");
            }
            server.api().delete("/api/v1/vms/" + racer + "?destroyDisks=true").then().statusCode(204);
        }
        server.api().get("/api/v1/vdis/" + shared).then().statusCode(404);

        // hot-plug a second disk into the running VM, and out again
        String data = newDisk(server, sr, "data");
        String webData = newVbd(server, web, data, 1);
        server.api().post("/api/v1/vbds/" + webData + "/plug").then().statusCode(200);
        assertThat((Boolean) server.api().get("/api/v1/vbds/" + webData).then().extract().path("currentlyAttached")).isTrue();
        awaitDomainDevices(daemonUrl, web, List.of("vbd=\"xvdb\""), List.of());
        server.api().post("/api/v1/vbds/" + webData + "/unplug").then().statusCode(200);
        assertThat((Boolean) server.api().get("/api/v1/vbds/" + webData).then().extract().path("currentlyAttached")).isFalse();
        awaitDomainDevices(daemonUrl, web, List.of("vbd=\"xvda\""), List.of("vbd=\"xvdb\""));
        server.api().post("/api/v1/vbds/" + webData + "/plug").then().statusCode(200);

        // hot-plug a second NIC, and out again
        String vif2 = server.api().body(Map.of("vmId", web, "device", 1, "networkId", network)).post("/api/v1/vifs")
                .then().statusCode(201).extract().path("id");
        server.api().post("/api/v1/vifs/" + vif2 + "/plug").then().statusCode(200);
        awaitDomainDevices(daemonUrl, web, List.of("vif=\"1\""), List.of());
        server.api().post("/api/v1/vifs/" + vif2 + "/unplug").then().statusCode(200);
        awaitDomainDevices(daemonUrl, web, List.of("vif=\"0\""), List.of("vif=\"1\""));

        // the VM that is not running takes no hot-plug
        server.api().post("/api/v1/vbds/" + refusedVbd(server, other) + "/plug").then().statusCode(409);

        // shutdown detaches everything, and the other VM can have the disk now
        assertThat(operation(server, web, "clean-shutdown").getString("status")).isEqualTo("success");
        assertThat(server.api().get("/api/v1/vbds?vm=" + web).then().extract().jsonPath().getList("currentlyAttached"))
                .containsOnly(false);
        assertThat((Boolean) server.api().get("/api/v1/vifs/" + vif).then().extract().path("currentlyAttached")).isFalse();
        assertThat(operation(server, other, "start").getString("status")).isEqualTo("success");
        assertThat(operation(server, other, "hard-shutdown").getString("status")).isEqualTo("success");

        // a clone gets copy-on-write clones of both disks in the same slots
        String clone = server.api().body(Map.of("name", "web clone")).post("/api/v1/vms/" + web + "/clone").then()
                .statusCode(201).extract().path("id");
        JsonPath cloneVbds = server.api().get("/api/v1/vbds?vm=" + clone).then().extract().jsonPath();
        assertThat(cloneVbds.getList("userdevice")).containsExactlyInAnyOrder(0, 1);
        assertThat(cloneVbds.getList("vdiId", String.class)).doesNotContain(system, data).hasSize(2);
        // ... and copies of its VIFs, with MACs of their own
        JsonPath webVifs = server.api().get("/api/v1/vifs?vm=" + web).then().statusCode(200).extract().jsonPath();
        JsonPath cloneVifs = server.api().get("/api/v1/vifs?vm=" + clone).then().statusCode(200).extract().jsonPath();
        assertThat(cloneVifs.getList("device")).containsExactlyInAnyOrderElementsOf(webVifs.getList("device"));
        assertThat(cloneVifs.getList("networkId")).containsOnly(network);
        assertThat(cloneVifs.getList("mac", String.class)).doesNotContainAnyElementsOf(webVifs.getList("mac", String.class));
        assertThat(cloneVifs.getList("currentlyAttached")).containsOnly(false);

        // destroying the clone takes its VBDs; its disks stay, as in XenAPI
        server.api().delete("/api/v1/vms/" + clone).then().statusCode(204);
        assertThat(server.api().get("/api/v1/vbds?vm=" + clone).then().extract().jsonPath().getList("id")).isEmpty();
        assertThat(server.api().get("/api/v1/vifs?vm=" + clone).then().extract().jsonPath().getList("id")).isEmpty();
        for (String disk : cloneVbds.getList("vdiId", String.class)) {
            server.api().get("/api/v1/vdis/" + disk).then().statusCode(200);
        }
        // destroying a VM takes its VIFs with it
        server.api().delete("/api/v1/vms/" + web).then().statusCode(204);
        server.api().get("/api/v1/vifs/" + vif).then().statusCode(404);
    }

    private static String refusedVbd(ServerProcess server, String vm) {
        return server.api().get("/api/v1/vbds?vm=" + vm).then().extract().path("[0].id");
    }

    /** Runs a VM operation and waits for its task; answers the finished task. */
    private static JsonPath operation(ServerProcess server, String vm, String operation) {
        Response answer = server.api().post("/api/v1/vms/" + vm + "/" + operation);
        assertThat(answer.statusCode()).as("%s: %s", operation, answer.asString()).isIn(200, 202, 409);
        String task = answer.getHeader("Xenplane-Task");
        assertThat(task).as("%s answered %s", operation, answer.asString()).isNotNull();
        return server.api().get("/api/v1/tasks/" + task + "?wait=60").then().statusCode(200).extract().jsonPath();
    }

    private static String newDisk(ServerProcess server, String sr, String name) {
        return server.api().body(Map.of("srId", sr, "name", name, "virtualSize", 8 * MIB)).post("/api/v1/vdis")
                .then().statusCode(201).extract().path("id");
    }

    private static String newVbd(ServerProcess server, String vm, String vdi, int userdevice) {
        return server.api().body(Map.of("vmId", vm, "vdiId", vdi, "userdevice", userdevice, "mode", "RW"))
                .post("/api/v1/vbds").then().statusCode(201).extract().path("id");
    }

    private static String newVm(ServerProcess server, String name) {
        return server.api().body(Map.of("template", TEMPLATE, "name", name, "memoryStaticMin", 128 * MIB,
                        "memoryStaticMax", 256 * MIB, "memoryDynamicMin", 256 * MIB, "memoryDynamicMax", 256 * MIB))
                .post("/api/v1/vms").then().statusCode(201).extract().path("id");
    }

    /** The daemon's newest samples of the VM's domain show these devices and not those. */
    private static void awaitDomainDevices(String daemonUrl, String vm, List<String> present, List<String> absent) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<String> lines = given().baseUri(daemonUrl).auth().oauth2(METRICS_TOKEN).get("/metrics").then()
                    .statusCode(200).extract().asString().lines()
                    .filter(l -> l.startsWith("xenplane_vm_") && l.contains("vm_uuid=\"" + vm + "\"")).toList();
            for (String device : present) {
                assertThat(lines).as("samples of %s", vm).anyMatch(l -> l.contains(device));
            }
            for (String device : absent) {
                assertThat(lines).as("samples of %s", vm).noneMatch(l -> l.contains(device));
            }
        });
    }
}
