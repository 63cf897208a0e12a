package org.xenplane.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.xenplane.vm.VmApi.asAdmin;
import static org.xenplane.vm.VmApi.awaitTask;
import static org.xenplane.vm.VmApi.smallVm;
import static org.xenplane.vm.VmApi.smallVmBody;
import static org.xenplane.vm.VmApi.succeed;
import static org.xenplane.vm.VmApi.uuid;
import static org.xenplane.vm.VmApi.vm;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xenplane.daemon.protocol.DomainState;
import org.xenplane.testing.EmbeddedPostgresResource;
import org.xenplane.vm.fixture.SimulatedPool;
import org.xenplane.vm.fixture.SimulatedPool.SimHost;

/**
 * {@code POST /api/v1/hosts/{id}/evacuate} (XenAPI {@code host.evacuate}) on simulated hosts of
 * 2 GiB (1 GiB of each for dom0): the host's VMs are live-migrated through the normal migration
 * path, and a host that cannot be emptied says which VM could not leave and why.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class HostEvacuationTest {

    /** Proves that every VM running on the host ends up running on another host, and none is left there. */
    @Test
    void everyVmOfAnEvacuatedHostRunsOnAnotherHost() {
        try (SimulatedPool pool = SimulatedPool.start(3, 2048)) {
            SimHost emptied = pool.host(1);
            List<String> vms = List.of(runningOn(emptied, "evacuee-a"), runningOn(emptied, "evacuee-b"));

            JsonPath task = evacuate(emptied);

            assertThat(task.getString("status")).as(task.prettify()).isEqualTo("success");
            assertThat(task.getDouble("progress")).isEqualTo(1.0);
            for (String id : vms) {
                JsonPath moved = vm(id);
                assertThat(moved.getString("powerState")).isEqualTo("running");
                assertThat(moved.getString("residentOn")).isNotEqualTo(emptied.hostId().toString());
                SimHost now = pool.byId(uuid(moved.getString("residentOn"))).orElseThrow();
                assertThat(now.driver().find(uuid(id)).orElseThrow().state()).isEqualTo(DomainState.RUNNING);
            }
            assertThat(emptied.driver().list()).isEmpty();
            assertThat(VmApi.inconsistenciesAbout(vms)).isEmpty();
        }
    }

    /**
     * Proves that when the only other host has no room (a 768 MiB VM leaves it 256 MiB, the
     * evacuee needs 260 MiB), the task fails with CANNOT_EVACUATE_HOST naming the VM and the reason,
     * and the VM still runs where it was.
     */
    @Test
    void aVmWithNowhereToGoFailsTheEvacuationAndKeepsRunning() {
        try (SimulatedPool pool = SimulatedPool.start(2, 2048)) {
            SimHost emptied = pool.host(1);
            Map<String, Object> big = new java.util.HashMap<>(smallVmBody("filler-" + UUID.randomUUID()));
            big.put("memoryStaticMax", 768 * VmApi.MIB);
            big.put("memoryDynamicMin", 768 * VmApi.MIB);
            big.put("memoryDynamicMax", 768 * VmApi.MIB);
            String filler = asAdmin().body(big).post("/api/v1/vms").then().statusCode(201).extract().path("id");
            succeed(filler, "start-on", Map.of("host", pool.host(2).hostId()));
            String stuck = runningOn(emptied, "stuck");

            JsonPath task = evacuate(emptied);

            assertThat(task.getString("status")).isEqualTo("failure");
            assertThat(task.getString("error.code")).isEqualTo("CANNOT_EVACUATE_HOST");
            assertThat(task.getString("error.parameters.vm")).contains(stuck);
            assertThat(task.getString("error.parameters.reason")).contains("HOST_NOT_ENOUGH_FREE_MEMORY");
            assertThat(vm(stuck).getString("residentOn")).isEqualTo(emptied.hostId().toString());
            assertThat(vm(stuck).getString("powerState")).isEqualTo("running");
            assertThat(VmApi.inconsistenciesAbout(List.of(stuck, filler))).isEmpty();
        }
    }

    /**
     * Proves that a VM on its way to the host when the evacuation begins (its start chose the host and
     * takes 1.5 s to build the domain) is not missed: the evacuation waits for it to land, then moves
     * it, and the emptied host ends with no domain.
     */
    @Test
    void aVmLandingWhileTheHostIsEvacuatedIsMovedToo() {
        try (SimulatedPool pool = SimulatedPool.start(2, org.xenplane.daemon.driver.simulator.SimulatorSettings.host(8, 2048)
                .withLatency(Map.of(org.xenplane.daemon.driver.DriverOperation.CREATE, java.time.Duration.ofMillis(1500))))) {
            SimHost emptied = pool.host(1);
            String landing = smallVm("landing-" + UUID.randomUUID());
            String start = asAdmin().body(Map.of("host", emptied.hostId())).post("/api/v1/vms/" + landing + "/start-on")
                    .then().statusCode(202).extract().path("id");
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> emptied.hostId().toString().equals(vm(landing).getString("scheduledToBeResidentOn")));

            JsonPath task = evacuate(emptied);

            assertThat(task.getString("status")).as(task.prettify()).isEqualTo("success");
            assertThat(awaitTask(start).getString("status")).isEqualTo("success");
            JsonPath moved = vm(landing);
            assertThat(moved.getString("powerState")).isEqualTo("running");
            assertThat(moved.getString("residentOn")).isEqualTo(pool.host(2).hostId().toString());
            assertThat(emptied.driver().list()).isEmpty();
            assertThat(VmApi.inconsistenciesAbout(List.of(landing))).isEmpty();
        }
    }

    /** Proves the refusals: a host that is not known (404 HANDLE_INVALID) and a read-only caller (403). */
    @Test
    void anUnknownHostOrAReadOnlyCallerIsRefused() {
        asAdmin().post("/api/v1/hosts/" + UUID.randomUUID() + "/evacuate").then().statusCode(404)
                .body("code", equalTo("HANDLE_INVALID"));
        VmApi.as(VmApi.tokenFor(org.xenplane.core.security.Role.READ_ONLY))
                .post("/api/v1/hosts/" + UUID.randomUUID() + "/evacuate").then().statusCode(403)
                .body("code", equalTo("RBAC_PERMISSION_DENIED"));
    }

    private static String runningOn(SimHost host, String name) {
        String id = smallVm(name + "-" + UUID.randomUUID());
        succeed(id, "start-on", Map.of("host", host.hostId()));
        return id;
    }

    private static JsonPath evacuate(SimHost host) {
        String task = asAdmin().post("/api/v1/hosts/" + host.hostId() + "/evacuate").then().statusCode(202)
                .extract().path("id");
        return awaitTask(task);
    }
}
