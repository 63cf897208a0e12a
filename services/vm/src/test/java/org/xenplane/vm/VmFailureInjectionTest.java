package org.xenplane.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.xenplane.vm.VmApi.SMALL_VM_NEEDS;
import static org.xenplane.vm.VmApi.asAdmin;
import static org.xenplane.vm.VmApi.runLong;
import static org.xenplane.vm.VmApi.smallVm;
import static org.xenplane.vm.VmApi.succeed;
import static org.xenplane.vm.VmApi.uuid;
import static org.xenplane.vm.VmApi.vm;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xenplane.daemon.driver.DriverOperation;
import org.xenplane.daemon.driver.XenError;
import org.xenplane.daemon.driver.simulator.SimulatorSettings;
import org.xenplane.testing.EmbeddedPostgresResource;
import org.xenplane.vm.fixture.SimulatedPool;

/**
 * A driver failure injected at each step of each operation leaves no reservation, no half-created
 * domain, and the VM in a state that matches its domain, free for the next operation; the
 * invariant checker then finds nothing wrong with the VM or the pool's hosts.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class VmFailureInjectionTest {
    private static SimulatedPool pool;

    @Inject
    EntityManager em;

    @BeforeEach
    void hosts() {
        if (pool == null) {
            pool = SimulatedPool.start(2, 4096);
        }
        pool.hosts().forEach(h -> h.driver().failures().clear());
    }

    @AfterAll
    static void stop() {
        pool.close();
        pool = null;
    }

    @Test
    void aStartWhoseDomainCannotBeBuiltLeavesAHaltedVmWithNoDomainAndNoReservation() {
        String id = smallVm("start-fails");
        failEverywhere(DriverOperation.CREATE);
        JsonPath task = runLong(id, "start", null);

        assertFailedWith(task, "ERROR_FAIL");
        assertConsistent(id, "halted", 0);
        assertThat(domains(id)).isZero();
        clearFailures();
        succeed(id, "start", null);
    }

    @Test
    void aResumeWhoseRestoreFailsLeavesTheVmSuspendedWithItsImage() {
        String id = running("resume-fails");
        succeed(id, "suspend", null);
        SimulatedPool.SimHost host = pool.byId(uuid(vm(id).getString("suspendedOn"))).orElseThrow();
        host.driver().failures().failNext(DriverOperation.RESTORE, XenError.FAIL);

        assertFailedWith(runLong(id, "resume", null), "ERROR_FAIL");
        assertConsistent(id, "suspended", 0);
        assertThat(host.domains().holdsImage(uuid(id))).isTrue();
        succeed(id, "resume", null);
        assertConsistent(id, "running", SMALL_VM_NEEDS);
    }

    @ParameterizedTest
    @EnumSource(value = DriverOperation.class, names = {"MIGRATE_SEND", "MIGRATE_RECEIVE"})
    void aMigrationThatFailsLeavesTheVmRunningWhereItWasAndReleasesTheDestination(DriverOperation step) {
        String id = running("migrate-fails-" + step);
        UUID from = uuid(vm(id).getString("residentOn"));
        SimulatedPool.SimHost to = pool.hosts().stream().filter(h -> !h.hostId().equals(from)).findFirst().orElseThrow();
        long heldBefore = reservedOn(to.hostId());
        failEverywhere(step);

        JsonPath task = runLong(id, "migrate", Map.of("host", to.hostId()));

        assertThat(task.getString("status")).isEqualTo("failure");
        assertConsistent(id, "running", SMALL_VM_NEEDS);
        assertThat(vm(id).getString("residentOn")).isEqualTo(from.toString());
        assertThat(to.driver().find(uuid(id))).isEmpty();
        assertThat(reservedOn(to.hostId())).isEqualTo(heldBefore);
        assertThat(domains(id)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(value = DriverOperation.class, names = {"SUSPEND", "SHUTDOWN", "DESTROY", "REBOOT"})
    void anOperationOnARunningVmThatFailsLeavesItRunning(DriverOperation step) {
        String id = running("running-fails-" + step);
        failEverywhere(step);
        String operation = switch (step) {
            case SUSPEND -> "suspend";
            case SHUTDOWN -> "clean-shutdown";
            case DESTROY -> "hard-shutdown";
            default -> "clean-reboot";
        };
        assertFailedWith(runLong(id, operation, null), "ERROR_FAIL");
        assertConsistent(id, "running", SMALL_VM_NEEDS);
        assertThat(domains(id)).isEqualTo(1);
    }

    @Test
    void aPauseThatFailsAnswersTheHypervisorErrorAndTheVmRuns() {
        String id = running("pause-fails");
        failEverywhere(DriverOperation.PAUSE);
        asAdmin().post("/api/v1/vms/" + id + "/pause").then().statusCode(502)
                .body("code", equalTo("HYPERVISOR_ERROR")).body("parameters.error", equalTo("ERROR_FAIL"))
                .body("parameters.function", equalTo("libxl_domain_pause"));
        assertConsistent(id, "running", SMALL_VM_NEEDS);
    }

    @Test
    void anUnpauseThatFailsLeavesTheVmPaused() {
        String id = smallVm("unpause-fails-" + UUID.randomUUID());
        succeed(id, "start", Map.of("paused", true));
        failEverywhere(DriverOperation.UNPAUSE);
        asAdmin().post("/api/v1/vms/" + id + "/unpause").then().statusCode(502).body("parameters.error", equalTo("ERROR_FAIL"));
        assertConsistent(id, "paused", SMALL_VM_NEEDS);
        assertThat(domains(id)).isEqualTo(1);
    }

    @Test
    void aCancelledStartIsUndoneLikeAFailedOne() {
        try (SimulatedPool slow = SimulatedPool.start(1, SimulatorSettings.host(8, 4096).withDom0Memory(1L << 30)
                .withLatency(Map.of(DriverOperation.CREATE, Duration.ofMillis(1500))))) {
            String id = smallVm("cancelled");
            String task = asAdmin().body(Map.of("host", slow.host(1).hostId())).post("/api/v1/vms/" + id + "/start-on")
                    .then().statusCode(202).extract().path("id");
            asAdmin().post("/api/v1/tasks/" + task + "/cancel").then().statusCode(org.hamcrest.Matchers.lessThan(300));

            assertThat(VmApi.awaitTask(task).getString("status")).isEqualTo("cancelled");
            assertConsistent(id, "halted", 0);
            assertThat(slow.host(1).driver().find(uuid(id))).isEmpty();
        }
    }

    private static void assertFailedWith(JsonPath task, String xenError) {
        assertThat(task.getString("status")).isEqualTo("failure");
        assertThat(task.getString("error.code")).isEqualTo("HYPERVISOR_ERROR");
        assertThat(task.getString("error.parameters.error")).isEqualTo(xenError);
    }

    /** The VM is in {@code state}, free (no operation), and holds {@code reserved} bytes in all. */
    private void assertConsistent(String id, String state, long reserved) {
        JsonPath vm = vm(id);
        assertThat(vm.getString("powerState")).isEqualTo(state);
        assertThat(vm.getMap("currentOperations")).isEmpty();
        assertThat(vm.getString("scheduledToBeResidentOn")).isNull();
        long held = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select memory_reserved from vm where id = ?1").setParameter(1, uuid(id)).getSingleResult()).longValue());
        assertThat(held).isEqualTo(reserved);
        assertInvariantsHold(id);
    }

    /** The invariant checker reports nothing about the VM or the pool's hosts. */
    private static void assertInvariantsHold(String id) {
        List<String> touched = new ArrayList<>(List.of(id));
        pool.hosts().forEach(h -> touched.add(h.hostId().toString()));
        assertThat(VmApi.inconsistenciesAbout(touched)).as("inconsistencies after the fault").isEmpty();
    }

    private long reservedOn(UUID hostId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select coalesce(sum(memory_reserved), 0) from vm where resident_on = ?1 or scheduled_to = ?1")
                .setParameter(1, hostId).getSingleResult()).longValue());
    }

    private static long domains(String id) {
        return pool.hosts().stream().filter(h -> h.driver().find(uuid(id)).isPresent()).count();
    }

    private static void failEverywhere(DriverOperation step) {
        pool.hosts().forEach(h -> h.driver().failures().failNext(step, XenError.FAIL));
    }

    private static void clearFailures() {
        pool.hosts().forEach(h -> h.driver().failures().clear());
    }

    private static String running(String name) {
        String id = smallVm(name + "-" + UUID.randomUUID());
        succeed(id, "start", null);
        return id;
    }
}
