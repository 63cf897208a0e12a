package org.xenplane.server;

import org.xenplane.testing.FreePorts;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenplane.testing.EmbeddedPostgresResource;

/**
 * The VM service deployed on its own, as the Helm chart runs it: its own process on the shared
 * database, calling the storage and network services over REST with its service credential. The all-in-one
 * server stands in for the other services (pool, storage, network, identity); a simulated host
 * joins it. VMs are started, stopped, cloned and destroyed through the VM service's own API, and
 * the storage and network services' records show that the disks and NICs went with them.
 */
class SplitVmServiceIT {
    private static final long MIB = 1024 * 1024;
    private static final String TEMPLATE = "6a1f2d3e-0000-4000-8000-000000000001";

    @TempDir
    Path workDir;

    @Test
    void aVmServiceOnItsOwnGivesItsVmsTheirDisksAndNicsThroughTheStorageAndNetworkServices() throws Exception {
        String db = EmbeddedPostgresResource.freshDatabaseUrl("split_vm");
        try (ServerProcess server = ServerProcess.onExternalDatabase(Files.createDirectories(workDir.resolve("server")),
                FreePorts.next(), db).start();
             ServerProcess vmService = ServerProcess.vmServiceOnExternalDatabase(Files.createDirectories(workDir.resolve("vm")),
                     FreePorts.next(), db, server.url()).start();
             DaemonProcess daemon = new DaemonProcess(Files.createDirectories(workDir.resolve("daemon")), server.url(), 1,
                     server.newJoinToken(), FreePorts.next()).start()) {
            try {
                scenario(server, vmService);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\n" + vmService.log() + "\n" + server.log(), e);
            }
        }
    }

    private void scenario(ServerProcess server, ServerProcess vmService) {
        await().atMost(Duration.ofSeconds(60)).until(() -> server.api().get("/api/v1/hosts").then().extract().jsonPath()
                .getList("findAll { it.live }").size() == 1);
        String sr = server.api().body(Map.of("name", "local", "type", "file", "shared", true,
                        "deviceConfig", Map.of("path", workDir.resolve("sr").toString())))
                .post("/api/v1/srs").then().statusCode(201).extract().path("id");
        String disk = server.api().body(Map.of("srId", sr, "name", "system", "virtualSize", 8 * MIB)).post("/api/v1/vdis")
                .then().statusCode(201).extract().path("id");

        String vm = vms(vmService).body(Map.of("template", TEMPLATE, "name", "split", "memoryStaticMin", 128 * MIB,
                        "memoryStaticMax", 256 * MIB, "memoryDynamicMin", 256 * MIB, "memoryDynamicMax", 256 * MIB))
                .post("/api/v1/vms").then().statusCode(201).extract().path("id");
        String vbd = server.api().body(Map.of("vmId", vm, "vdiId", disk, "userdevice", 0, "mode", "RW"))
                .post("/api/v1/vbds").then().statusCode(201).extract().path("id");
        String network = server.api().body(Map.of("name", "split net")).post("/api/v1/networks").then().statusCode(201)
                .extract().path("id");
        String vif = server.api().body(Map.of("vmId", vm, "device", 0, "networkId", network)).post("/api/v1/vifs")
                .then().statusCode(201).extract().path("id");

        assertThat(operation(vmService, vm, "start").getString("status")).isEqualTo("success");
        // the NIC came from the network service, which made the network's bridge on the VM's host
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat((Boolean) server.api().get("/api/v1/vifs/" + vif)
                .then().extract().path("currentlyAttached")).isTrue());
        assertThat(server.api().get("/api/v1/tasks?limit=500").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.operation == 'vif.ensure_vm' }.createdBy", String.class)).containsOnly("service:vm");
        JsonPath attached = server.api().get("/api/v1/vbds/" + vbd).then().extract().jsonPath();
        assertThat(attached.getBoolean("currentlyAttached")).isTrue();
        assertThat(attached.getString("attachedHostId"))
                .isEqualTo(vms(vmService).get("/api/v1/vms/" + vm).then().extract().path("residentOn"));
        // the VM service asks the storage service which VMs have a disk attached: no live snapshot is offered
        assertThat(vms(vmService).get("/api/v1/vms/" + vm).then().extract().jsonPath()
                .getList("allowedOperations", String.class)).contains("suspend").doesNotContain("snapshot");
        assertThat(vms(vmService).get("/api/v1/vms").then().extract().jsonPath()
                .getList("find { it.id == '" + vm + "' }.allowedOperations", String.class)).doesNotContain("snapshot");
        // the storage service saw the VM service's own credential, not the user's
        assertThat(server.api().get("/api/v1/tasks?limit=500").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.operation == 'vbd.attach_vm' }.createdBy", String.class)).containsOnly("service:vm");

        assertThat(operation(vmService, vm, "clean-shutdown").getString("status")).isEqualTo("success");
        assertThat((Boolean) server.api().get("/api/v1/vbds/" + vbd).then().extract().path("currentlyAttached")).isFalse();
        assertThat(vms(vmService).get("/api/v1/vms/" + vm).then().extract().jsonPath()
                .getList("allowedOperations", String.class)).contains("snapshot");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat((Boolean) server.api().get("/api/v1/vifs/" + vif)
                .then().extract().path("currentlyAttached")).isFalse());

        String clone = vms(vmService).body(Map.of("name", "split clone")).post("/api/v1/vms/" + vm + "/clone").then()
                .statusCode(201).extract().path("id");
        assertThat(server.api().get("/api/v1/vbds?vm=" + clone).then().extract().jsonPath().getList("vdiId", String.class))
                .hasSize(1).doesNotContain(disk);
        JsonPath clonedVifs = server.api().get("/api/v1/vifs?vm=" + clone).then().extract().jsonPath();
        assertThat(clonedVifs.getList("networkId", String.class)).containsExactly(network);
        assertThat(clonedVifs.getString("[0].mac")).isNotEqualTo(server.api().get("/api/v1/vifs/" + vif).then().extract().path("mac"));
        vms(vmService).delete("/api/v1/vms/" + clone + "?destroyDisks=true").then().statusCode(204);
        assertThat(server.api().get("/api/v1/vbds?vm=" + clone).then().extract().jsonPath().getList("id")).isEmpty();
        assertThat(server.api().get("/api/v1/vifs?vm=" + clone).then().extract().jsonPath().getList("id")).isEmpty();

        // a pool-admin sees the VM service's credential among the tokens and may revoke it: the VM
        // service's calls then fail with an error that says so, and nothing is made (a clone calls
        // the network service first, for the VIFs)
        String credential = server.api().get("/api/v1/tokens").then().statusCode(200).extract().jsonPath()
                .getString("find { it.owner == 'service:vm' }.id");
        server.api().delete("/api/v1/tokens/" + credential).then().statusCode(204);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            var answer = vms(vmService).body(Map.of("name", "after revocation")).post("/api/v1/vms/" + vm + "/clone");
            assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(503);
            assertThat(answer.jsonPath().getString("code")).isEqualTo("NETWORK_SERVICE_UNAVAILABLE");
            assertThat(answer.jsonPath().getString("parameters.detail")).contains("credential");
        });
    }

    private static RequestSpecification vms(ServerProcess vmService) {
        return given().baseUri(vmService.url()).auth().oauth2(ServerProcess.ADMIN_TOKEN).contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    private static JsonPath operation(ServerProcess vmService, String vm, String operation) {
        String task = vms(vmService).post("/api/v1/vms/" + vm + "/" + operation).then().statusCode(202).extract()
                .header("Xenplane-Task");
        return vms(vmService).get("/api/v1/tasks/" + task + "?wait=60").then().statusCode(200).extract().jsonPath();
    }
}
