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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xenplane.core.security.Role;
import org.xenplane.daemon.protocol.DomainState;
import org.xenplane.testing.EmbeddedPostgresResource;
import org.xenplane.vm.fixture.SimulatedPool;
import org.xenplane.vm.fixture.SimulatedPool.SimHost;

/**
 * Maintenance mode as one call ({@code POST /api/v1/hosts/{id}/maintenance/enter} and {@code /exit}):
 * disable, then evacuate, on simulated hosts of 2 GiB (1 GiB of each for dom0) and a real
 * embedded PostgreSQL.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class HostMaintenanceTest {

    /**
     * Proves that entering maintenance leaves the host disabled, in maintenance and empty, its VMs
     * running on other hosts; that a VM cannot be started on it then (HOST_DISABLED); and that
     * exiting enables it again and ends the maintenance.
     */
    @Test
    void enteringMaintenanceEmptiesAndDisablesTheHostAndExitingEnablesIt() {
        try (SimulatedPool pool = SimulatedPool.start(3, 2048)) {
            SimHost host = pool.host(1);
            List<String> vms = List.of(runningOn(host, "tenant-a"), runningOn(host, "tenant-b"));

            JsonPath task = enter(host);

            assertThat(task.getString("status")).as(task.prettify()).isEqualTo("success");
            JsonPath record = hostRecord(host);
            assertThat(record.getBoolean("enabled")).isFalse();
            assertThat(record.getBoolean("maintenance")).isTrue();
            assertThat(record.getList("allowedOperations", String.class)).contains("exit_maintenance")
                    .doesNotContain("enter_maintenance", "disable");
            for (String id : vms) {
                JsonPath moved = vm(id);
                assertThat(moved.getString("powerState")).isEqualTo("running");
                SimHost now = pool.byId(uuid(moved.getString("residentOn"))).orElseThrow();
                assertThat(now).isNotSameAs(host);
                assertThat(now.driver().find(uuid(id)).orElseThrow().state()).isEqualTo(DomainState.RUNNING);
            }
            assertThat(host.driver().list()).isEmpty();
            String newcomer = smallVm("newcomer-" + UUID.randomUUID());
            VmApi.post(newcomer, "start-on", Map.of("host", host.hostId())).then().statusCode(409)
                    .body("code", equalTo("HOST_DISABLED"));

            asAdmin().post(path(host, "maintenance/exit")).then().statusCode(200)
                    .body("enabled", equalTo(true)).body("maintenance", equalTo(false));
            assertThat(VmApi.inconsistenciesAbout(vms)).isEmpty();
        }
    }

    /**
     * Proves what XenCenter does when the host cannot be emptied (the only other host has no room
     * for the evacuee): the task fails with CANNOT_EVACUATE_HOST naming the VM, the VM keeps running
     * where it was, and the host stays disabled but is not in maintenance (exit is refused, enable works).
     */
    @Test
    void aHostThatCannotBeEmptiedStaysDisabledAndIsNotInMaintenance() {
        try (SimulatedPool pool = SimulatedPool.start(2, 2048)) {
            SimHost host = pool.host(1);
            String filler = bigVmOn(pool.host(2));
            String stuck = runningOn(host, "stuck");

            JsonPath task = enter(host);

            assertThat(task.getString("status")).isEqualTo("failure");
            assertThat(task.getString("error.code")).isEqualTo("CANNOT_EVACUATE_HOST");
            assertThat(task.getString("error.parameters.vm")).contains(stuck);
            assertThat(vm(stuck).getString("residentOn")).isEqualTo(host.hostId().toString());
            assertThat(vm(stuck).getString("powerState")).isEqualTo("running");
            JsonPath record = hostRecord(host);
            assertThat(record.getBoolean("enabled")).isFalse();
            assertThat(record.getBoolean("maintenance")).isFalse();
            asAdmin().post(path(host, "maintenance/exit")).then().statusCode(409).body("code", equalTo("OPERATION_NOT_ALLOWED"));
            asAdmin().post(path(host, "enable")).then().statusCode(200).body("enabled", equalTo(true));
            assertThat(VmApi.inconsistenciesAbout(List.of(stuck, filler))).isEmpty();
        }
    }

    /**
     * Proves the refusals, each an RFC 7807 answer with a stable code: an unknown host (404
     * HANDLE_INVALID), a malformed id (400), a read-only caller (403), entering twice and exiting a
     * host that is not in maintenance (409 OPERATION_NOT_ALLOWED).
     */
    @Test
    void wrongRequestsAreRefusedWithTheirCodes() {
        try (SimulatedPool pool = SimulatedPool.start(2, 2048)) {
            SimHost host = pool.host(1);
            asAdmin().post("/api/v1/hosts/" + UUID.randomUUID() + "/maintenance/enter").then().statusCode(404)
                    .body("code", equalTo("HANDLE_INVALID"));
            asAdmin().post("/api/v1/hosts/not-a-uuid/maintenance/exit").then().statusCode(400);
            VmApi.as(VmApi.tokenFor(Role.READ_ONLY)).post(path(host, "maintenance/enter")).then().statusCode(403)
                    .body("code", equalTo("RBAC_PERMISSION_DENIED"));
            asAdmin().post(path(host, "maintenance/exit")).then().statusCode(409).body("code", equalTo("OPERATION_NOT_ALLOWED"));

            assertThat(enter(host).getString("status")).isEqualTo("success");
            asAdmin().post(path(host, "maintenance/enter")).then().statusCode(409).body("code", equalTo("OPERATION_NOT_ALLOWED"));
            asAdmin().post(path(host, "maintenance/exit")).then().statusCode(200);
        }
    }

    private static String runningOn(SimHost host, String name) {
        String id = smallVm(name + "-" + UUID.randomUUID());
        succeed(id, "start-on", Map.of("host", host.hostId()));
        return id;
    }

    /** A 768 MiB VM on the host, which leaves it 256 MiB: less than a small VM needs. */
    private static String bigVmOn(SimHost host) {
        Map<String, Object> big = new HashMap<>(smallVmBody("filler-" + UUID.randomUUID()));
        big.put("memoryStaticMax", 768 * VmApi.MIB);
        big.put("memoryDynamicMin", 768 * VmApi.MIB);
        big.put("memoryDynamicMax", 768 * VmApi.MIB);
        String filler = asAdmin().body(big).post("/api/v1/vms").then().statusCode(201).extract().path("id");
        succeed(filler, "start-on", Map.of("host", host.hostId()));
        return filler;
    }

    private static JsonPath enter(SimHost host) {
        String task = asAdmin().post(path(host, "maintenance/enter")).then().statusCode(202).extract().path("id");
        return awaitTask(task);
    }

    private static JsonPath hostRecord(SimHost host) {
        return asAdmin().get("/api/v1/hosts/" + host.hostId()).then().statusCode(200).extract().jsonPath();
    }

    private static String path(SimHost host, String operation) {
        return "/api/v1/hosts/" + host.hostId() + "/" + operation;
    }
}
