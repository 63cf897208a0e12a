package org.xenplane.server;

import org.xenplane.testing.FreePorts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.xenplane.server.SimulatedDiskHost.admin;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xenplane.testing.EmbeddedPostgresResource;

/**
 * Placement tries the VM's affinity host first; when that host cannot attach the VM's disk (the
 * disk's SR is not plugged there), the start goes to the host that can, in the same admission. The
 * refusal placement catches to skip a host must leave the admission's transaction usable: thrown
 * through the storage service's joined transaction, it once marked it rollback-only and every such
 * start answered 500.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class StartAwayFromAffinityHostTest {

    @Test
    void aVmWhoseAffinityHostLacksItsSrStartsOnTheHostThatHasIt() throws Exception {
        SimulatedDiskHost withSr = SimulatedDiskHost.get();
        String prefix = "nosr-" + UUID.randomUUID().toString().substring(0, 8);
        String token = admin().body("{}").post("/api/v1/pool/join-tokens").then().statusCode(201).extract().path("token");
        try (DaemonProcess daemon = new DaemonProcess(Files.createTempDirectory("xenplane-nosr"),
                "http://127.0.0.1:" + RestAssured.port, 1, token, FreePorts.next(),
                Map.of("xenplane.daemon.simulator.name-prefix", prefix)).start()) {
            UUID withoutSr = awaitLiveHost(prefix + "-1", daemon);
            UUID vm = withSr.vmWithDisk("affinity-" + prefix)[0];
            admin().body(Map.of("affinity", withoutSr)).patch("/api/v1/vms/" + vm).then().statusCode(200);

            String task = admin().post("/api/v1/vms/" + vm + "/start").then().statusCode(202).extract().path("id");
            JsonPath done = SimulatedDiskHost.awaitTask(task);

            assertThat(done.getString("status")).as("the start: %s", done.prettify()).isEqualTo("success");
            assertThat(admin().get("/api/v1/vms/" + vm).then().statusCode(200).extract().<String>path("residentOn"))
                    .isEqualTo(withSr.hostId.toString());
            withSr.remove(vm);
        }
    }

    private static UUID awaitLiveHost(String name, DaemonProcess daemon) {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            assertThat(daemon.isAlive()).as("the daemon runs").isTrue();
            List<String> ids = admin().get("/api/v1/hosts").then().statusCode(200).extract().jsonPath()
                    .getList("findAll { it.name == '" + name + "' && it.live }.id");
            id[0] = ids.isEmpty() ? null : ids.get(0);
            return id[0] != null;
        });
        return UUID.fromString(id[0]);
    }
}
