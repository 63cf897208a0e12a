package org.xenplane.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.xenplane.vm.VmApi.SMALL_VM_NEEDS;
import static org.xenplane.vm.VmApi.asAdmin;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xenplane.testing.EmbeddedPostgresResource;
import org.xenplane.vm.fixture.SimulatedPool;
import org.xenplane.vm.fixture.SimulatedPool.SimHost;
import org.xenplane.vm.model.Vm;
import org.xenplane.vm.service.DomainSpecs;

/**
 * VM operations whose server died in the middle, as it leaves them: the VM marked busy by a task
 * still pending, owned by a replica that is gone (its lease lapsed), the reservation made, and the
 * domain built or not. The takeover asks the hosts and finishes each task as they report: the
 * operation completed (success) or undone ({@code TASK_OWNER_LOST}, or cancelled if a cancel was
 * asked), the VM free and its reservation matching. A VM left busy by a task that ended is freed
 * the same way. Leases here are 3 s (see the test application.properties).
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class VmTaskRecoveryTest {
    private static final Duration RECOVERED_WITHIN = Duration.ofSeconds(30);
    private static SimulatedPool pool;

    @Inject
    EntityManager em;

    @BeforeEach
    void hosts() {
        if (pool == null) {
            pool = SimulatedPool.start(2, 4096); // here, not in @BeforeAll: the control plane must be up
        }
    }

    @AfterAll
    static void stop() {
        pool.close();
        pool = null;
    }

    @Test
    void anInterruptedStartWhoseDomainWasBuiltEndsInSuccessWithTheVmRunningThere() {
        SimHost host = pool.host(1);
        String vm = smallVm("built-" + UUID.randomUUID());
        UUID task = interrupted(vm, "vm.start", "start", host, "PENDING");
        host.domains().create(task + "/domain_create", spec(vm), false);
        ownerDies(task);

        assertTask(task, "success", null);
        JsonPath running = vm(vm);
        assertThat(running.getString("powerState")).isEqualTo("running");
        assertThat(running.getString("residentOn")).isEqualTo(host.hostId().toString());
        assertThat(running.getMap("currentOperations")).isEmpty();
        assertThat(reserved(vm)).isEqualTo(SMALL_VM_NEEDS);
        assertConsistent(vm, host);
        succeed(vm, "hard-shutdown", null);
    }

    @Test
    void anInterruptedStartWithNoDomainFailsTaskOwnerLostAndReleasesTheReservation() {
        SimHost host = pool.host(1);
        String vm = smallVm("unbuilt-" + UUID.randomUUID());
        UUID task = interrupted(vm, "vm.start", "start", host, "PENDING");
        ownerDies(task);

        assertTask(task, "failure", "TASK_OWNER_LOST");
        JsonPath halted = vm(vm);
        assertThat(halted.getString("powerState")).isEqualTo("halted");
        assertThat(halted.getMap("currentOperations")).isEmpty();
        assertThat(reserved(vm)).isZero();
        assertConsistent(vm, host);
        succeed(vm, "start", null);
        succeed(vm, "hard-shutdown", null);
    }

    @Test
    void anInterruptedStartThatWasBeingCancelledEndsCancelled() {
        SimHost host = pool.host(2);
        String vm = smallVm("cancelled-" + UUID.randomUUID());
        UUID task = interrupted(vm, "vm.start", "start", host, "CANCELLING");
        ownerDies(task);

        assertTask(task, "cancelled", null);
        assertThat(vm(vm).getString("powerState")).isEqualTo("halted");
        assertThat(reserved(vm)).isZero();
        assertConsistent(vm, host);
    }

    @Test
    void anInterruptedHardShutdownWhoseDomainIsGoneEndsInSuccessWithTheVmHalted() {
        SimHost host = pool.host(2);
        String vm = smallVm("stopped-" + UUID.randomUUID());
        succeed(vm, "start-on", Map.of("host", host.hostId()));
        UUID task = interrupted(vm, "vm.hard_shutdown", "hard_shutdown", null, "PENDING");
        host.domains().destroy(task + "/domain_destroy", uuid(vm));
        ownerDies(task);

        assertTask(task, "success", null);
        JsonPath halted = vm(vm);
        assertThat(halted.getString("powerState")).isEqualTo("halted");
        assertThat(halted.getString("residentOn")).isNull();
        assertThat(reserved(vm)).isZero();
        assertConsistent(vm, host);
    }

    @Test
    void anInterruptedHardShutdownThatNeverReachedTheHostLeavesTheVmRunning() {
        SimHost host = pool.host(1);
        String vm = smallVm("still-running-" + UUID.randomUUID());
        succeed(vm, "start-on", Map.of("host", host.hostId()));
        UUID task = interrupted(vm, "vm.hard_shutdown", "hard_shutdown", null, "PENDING");
        ownerDies(task);

        assertTask(task, "failure", "TASK_OWNER_LOST");
        assertThat(vm(vm).getString("powerState")).isEqualTo("running");
        assertThat(vm(vm).getList("allowedOperations")).contains("hard_shutdown");
        assertConsistent(vm, host);
        succeed(vm, "hard-shutdown", null);
    }

    @Test
    void anInterruptedMigrationFoundOnBothHostsStaysOnItsSourceAndTheCopyIsDestroyed() {
        SimHost source = pool.host(1);
        SimHost destination = pool.host(2);
        String vm = smallVm("half-moved-" + UUID.randomUUID());
        succeed(vm, "start-on", Map.of("host", source.hostId()));
        UUID task = interrupted(vm, "vm.pool_migrate", "pool_migrate", destination, "PENDING");
        destination.domains().create(task + "/migration_receive", spec(vm), true);
        ownerDies(task);

        assertTask(task, "failure", "TASK_OWNER_LOST");
        JsonPath stayed = vm(vm);
        assertThat(stayed.getString("powerState")).isEqualTo("running");
        assertThat(stayed.getString("residentOn")).isEqualTo(source.hostId().toString());
        assertThat(destination.domains().find(uuid(vm))).as("the copy on the destination").isEmpty();
        assertThat(source.domains().find(uuid(vm))).isPresent();
        assertConsistent(vm, destination);
        succeed(vm, "hard-shutdown", null);
    }

    @Test
    void anInterruptedMigrationThatHadMovedTheDomainEndsOnTheDestinationRunning() {
        SimHost source = pool.host(1);
        SimHost destination = pool.host(2);
        String vm = smallVm("moved-" + UUID.randomUUID());
        succeed(vm, "start-on", Map.of("host", source.hostId()));
        UUID task = interrupted(vm, "vm.pool_migrate", "pool_migrate", destination, "PENDING");
        destination.domains().create(task + "/migration_receive", spec(vm), true);
        source.domains().destroy(task + "/migration_send", uuid(vm));
        ownerDies(task);

        assertTask(task, "success", null);
        JsonPath moved = vm(vm);
        assertThat(moved.getString("powerState")).isEqualTo("running");
        assertThat(moved.getString("residentOn")).isEqualTo(destination.hostId().toString());
        assertThat(destination.domains().find(uuid(vm)).orElseThrow().state().name()).isEqualTo("RUNNING");
        assertThat(reserved(vm)).isEqualTo(SMALL_VM_NEEDS);
        assertConsistent(vm, source);
        assertConsistent(vm, destination);
        succeed(vm, "hard-shutdown", null);
    }

    @Test
    void aVmLeftBusyByATaskThatEndedIsFreedAsItsHostReportsIt() {
        SimHost host = pool.host(2);
        String vm = smallVm("stale-claim-" + UUID.randomUUID());
        UUID task = interrupted(vm, "vm.start", "start", host, "PENDING");
        sql("update task set status = 'FAILURE', error_code = 'HOST_OFFLINE', finished_at = now() - interval '1 minute', "
                + "lease_until = null where id = ?1", task);

        await().atMost(RECOVERED_WITHIN).pollInterval(Duration.ofMillis(250))
                .until(() -> vm(vm).getMap("currentOperations").isEmpty());
        assertThat(vm(vm).getString("powerState")).isEqualTo("halted");
        assertThat(reserved(vm)).isZero();
        assertConsistent(vm, host);
    }

    /**
     * Marks the VM busy with {@code operation} as another replica would, in one transaction: its task,
     * owned by that replica (still alive: its lease runs), and, for an operation that reserves, memory
     * reserved on {@code target}. The test then does on the hosts what the operation had done.
     */
    private UUID interrupted(String vm, String operation, String verb, SimHost target, String status) {
        UUID task = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    insert into task (id, operation, target_class, target_id, status, progress, created_at, created_by,
                                      cancel_requested, owner, lease_until)
                    values (?1, ?2, 'vm', ?3, ?4, 0, now(), 'admin', ?5, gen_random_uuid(), now() + interval '1 hour')""")
                    .setParameter(1, task).setParameter(2, operation).setParameter(3, uuid(vm)).setParameter(4, status)
                    .setParameter(5, status.equals("CANCELLING")).executeUpdate();
            em.createNativeQuery("update vm set current_operation = ?2, current_task = ?3 where id = ?1")
                    .setParameter(1, uuid(vm)).setParameter(2, verb).setParameter(3, task).executeUpdate();
            if (target != null) {
                em.createNativeQuery("update vm set scheduled_to = ?2, memory_reserved = ?3 where id = ?1")
                        .setParameter(1, uuid(vm)).setParameter(2, target.hostId()).setParameter(3, SMALL_VM_NEEDS)
                        .executeUpdate();
            }
        });
        return task;
    }

    /** The replica running the task dies: its lease lapses. */
    private void ownerDies(UUID task) {
        sql("update task set lease_until = now() - interval '1 second' where id = ?1", task);
    }

    private org.xenplane.daemon.protocol.DomainSpec spec(String vm) {
        return QuarkusTransaction.requiringNew().call(() -> DomainSpecs.of(Vm.findById(uuid(vm))));
    }

    private static void assertTask(UUID task, String status, String code) {
        await().atMost(RECOVERED_WITHIN).pollInterval(Duration.ofMillis(250)).until(() -> !asAdmin()
                .get("/api/v1/tasks/" + task).then().statusCode(200).extract().<String>path("status").equals("pending"));
        JsonPath finished = asAdmin().get("/api/v1/tasks/" + task + "?wait=30").then().statusCode(200).extract().jsonPath();
        assertThat(finished.getString("status")).as(finished.prettify()).isEqualTo(status);
        assertThat(finished.getString("error.code")).isEqualTo(code);
    }

    /** The invariant checker finds nothing about the VM or its host (once the host's next report is in). */
    private static void assertConsistent(String vm, SimHost host) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(VmApi.inconsistenciesAbout(List.of(vm, host.hostId().toString()))).isEmpty());
    }

    private long reserved(String vm) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select memory_reserved from vm where id = ?1").setParameter(1, uuid(vm)).getSingleResult()).longValue());
    }

    private void sql(String statement, Object... parameters) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = em.createNativeQuery(statement);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            query.executeUpdate();
        });
    }
}
