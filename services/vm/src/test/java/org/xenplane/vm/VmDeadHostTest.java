package org.xenplane.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.xenplane.vm.VmApi.SMALL_VM_NEEDS;
import static org.xenplane.vm.VmApi.as;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xenplane.core.security.Role;
import org.xenplane.testing.EmbeddedPostgresResource;
import org.xenplane.vm.fixture.SimulatedPool;
import org.xenplane.vm.fixture.SimulatedPool.SimHost;

/**
 * A host that stops heartbeating: its VMs keep their records, show {@code powerStateUncertain} once
 * it has been silent for {@code xenplane.vm.dead-host-after} (2 h in these tests, past the 1 h
 * heartbeat timeout), and a pool-operator may reset them to halted (XenAPI {@code VM.power_state_reset}).
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class VmDeadHostTest {
    private static final String RESET = "reset-power-state";
    private static final Map<String, Object> FORCE = Map.of("force", true);

    @Inject
    EntityManager em;

    @Test
    void aVmOnAHostSilentForLongerThanDeadHostAfterShowsItsPowerStateAsUncertain() {
        try (SimulatedPool pool = SimulatedPool.start(1, 4096)) {
            SimHost host = pool.host(1);
            String id = runningOn(host, "uncertain");
            assertThat(vm(id).getBoolean("powerStateUncertain")).isFalse();

            stopHeartbeats(pool, host, Duration.ofMinutes(61));
            JsonPath notLive = vm(id);
            assertThat(notLive.getString("powerState")).isEqualTo("running");
            assertThat(notLive.getBoolean("powerStateUncertain")).as("silent for less than dead-host-after").isFalse();
            assertThat(notLive.getList("allowedOperations")).contains("power_state_reset");

            silentSince(host, Duration.ofHours(3));
            JsonPath dead = vm(id);
            assertThat(dead.getString("powerState")).isEqualTo("running");
            assertThat(dead.getBoolean("powerStateUncertain")).isTrue();
            assertThat(asAdmin().get("/api/v1/vms?powerState=running").then().statusCode(200).extract().jsonPath()
                    .getBoolean("find { it.id == '" + id + "' }.powerStateUncertain")).isTrue();
            reset(id);
        }
    }

    @Test
    void resettingAVmOnADeadHostRecordsItHaltedReleasesItsMemoryAndLetsItStartElsewhere() {
        try (SimulatedPool pool = SimulatedPool.start(2, 4096)) {
            SimHost dying = pool.host(1);
            String id = runningOn(dying, "reset");
            assertThat(reservedOn(dying.hostId())).isEqualTo(SMALL_VM_NEEDS);
            stopHeartbeats(pool, dying, Duration.ofHours(3));
            assertThat(VmApi.inconsistenciesAbout(List.of(id))).extracting(i -> i.get("kind"))
                    .containsExactly("VM_ON_HOST_NOT_LIVE");

            JsonPath halted = as(VmApi.tokenFor(Role.POOL_OPERATOR)).body(FORCE).post("/api/v1/vms/" + id + "/" + RESET)
                    .then().statusCode(200).header("Xenplane-Task", notNullValue())
                    .body("powerState", equalTo("halted")).body("powerStateUncertain", equalTo(false))
                    .body("residentOn", nullValue()).body("scheduledToBeResidentOn", nullValue())
                    .body("metrics.domid", nullValue()).body("currentOperations.size()", equalTo(0))
                    .extract().jsonPath();
            assertThat(halted.getList("allowedOperations")).contains("start").doesNotContain("power_state_reset");
            assertThat(reservedOn(dying.hostId())).isZero();
            assertThat(memoryReserved(id)).isZero();
            assertThat(VmApi.inconsistenciesAbout(List.of(id, dying.hostId().toString()))).isEmpty();

            succeed(id, "start-on", Map.of("host", pool.host(2).hostId()));
            assertThat(vm(id).getString("residentOn")).isEqualTo(pool.host(2).hostId().toString());
            succeed(id, "hard-shutdown", null);
        }
    }

    @Test
    void aResetNeedsForceAHostThatIsNotLiveAndAPoolOperator() {
        try (SimulatedPool pool = SimulatedPool.start(1, 4096)) {
            SimHost host = pool.host(1);
            String id = runningOn(host, "refused-reset");
            String path = "/api/v1/vms/" + id + "/" + RESET;

            asAdmin().post(path).then().statusCode(400).body("code", equalTo("INVALID_FIELD"))
                    .body("parameters.field", equalTo("force"));
            asAdmin().body(Map.of("force", false)).post(path).then().statusCode(400).body("parameters.field", equalTo("force"));
            asAdmin().body(FORCE).post(path).then().statusCode(409).body("code", equalTo("HOST_IS_LIVE"))
                    .body("parameters.host", equalTo(host.hostId().toString()));
            as(VmApi.tokenFor(Role.VM_POWER_ADMIN)).body(FORCE).post(path).then().statusCode(403)
                    .body("code", equalTo("RBAC_PERMISSION_DENIED"));
            assertThat(vm(id).getString("powerState")).isEqualTo("running");
            assertThat(vm(id).getList("allowedOperations")).doesNotContain("power_state_reset");

            String halted = smallVm("halted-" + UUID.randomUUID());
            asAdmin().body(FORCE).post("/api/v1/vms/" + halted + "/" + RESET).then().statusCode(409)
                    .body("code", equalTo("VM_BAD_POWER_STATE"));
            succeed(id, "hard-shutdown", null);
        }
    }

    @Test
    void aResetClearsAClaimLeftByATaskThatEndedButNotOneStillPending() {
        try (SimulatedPool pool = SimulatedPool.start(1, 4096)) {
            SimHost host = pool.host(1);
            String orphaned = runningOn(host, "orphaned-claim");
            String busy = runningOn(host, "busy");
            stopHeartbeats(pool, host, Duration.ofHours(3));
            claim(orphaned, UUID.randomUUID());
            UUID pending = pendingTask(busy);
            claim(busy, pending);

            reset(orphaned);
            asAdmin().body(FORCE).post("/api/v1/vms/" + busy + "/" + RESET).then().statusCode(409)
                    .body("code", equalTo("OTHER_OPERATION_IN_PROGRESS"));

            finishTask(pending);
            assertThat(VmApi.inconsistenciesAbout(List.of(busy))).extracting(i -> i.get("kind"))
                    .contains("VM_OPERATION_WITHOUT_TASK");
            reset(busy);
            assertThat(VmApi.inconsistenciesAbout(List.of(orphaned, busy))).isEmpty();
        }
    }

    private static String runningOn(SimHost host, String name) {
        String id = smallVm(name + "-" + UUID.randomUUID());
        succeed(id, "start-on", Map.of("host", host.hostId()));
        return id;
    }

    private static void reset(String id) {
        asAdmin().body(FORCE).post("/api/v1/vms/" + id + "/" + RESET).then().statusCode(200)
                .body("powerState", equalTo("halted")).body("currentOperations.size()", equalTo(0));
    }

    /** The host's daemon goes quiet and its last heartbeat moves {@code ago} back; the pool then marks it not live. */
    private void stopHeartbeats(SimulatedPool pool, SimHost host, Duration ago) {
        pool.silence(host);
        silentSince(host, ago);
        await().atMost(Duration.ofSeconds(30)).until(() -> !asAdmin().get("/api/v1/hosts/" + host.hostId())
                .then().statusCode(200).extract().jsonPath().getBoolean("live"));
    }

    private void silentSince(SimHost host, Duration ago) {
        sql("update host set last_heartbeat = ?2 where id = ?1", host.hostId(), Instant.now().minus(ago));
    }

    private void claim(String vmId, UUID taskId) {
        sql("update vm set current_operation = 'hard_shutdown', current_task = ?2 where id = ?1", uuid(vmId), taskId);
    }

    private UUID pendingTask(String vmId) {
        UUID task = UUID.randomUUID();
        sql("""
                insert into task (id, operation, target_class, target_id, status, progress, created_at, created_by,
                                  owner, lease_until)
                values (?1, 'vm.hard_shutdown', 'vm', ?2, 'PENDING', 0, now(), 'test', gen_random_uuid(),
                        now() + interval '1 hour')""", task, uuid(vmId));
        return task;
    }

    private void finishTask(UUID taskId) {
        sql("update task set status = 'FAILURE', finished_at = now() where id = ?1", taskId, null);
    }

    private void sql(String statement, Object first, Object second) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = em.createNativeQuery(statement).setParameter(1, first);
            if (second != null) {
                query.setParameter(2, second);
            }
            query.executeUpdate();
        });
    }

    private long reservedOn(UUID hostId) {
        return number("select coalesce(sum(memory_reserved), 0) from vm where resident_on = ?1 or scheduled_to = ?1", hostId);
    }

    private long memoryReserved(String vmId) {
        return number("select memory_reserved from vm where id = ?1", uuid(vmId));
    }

    private long number(String query, UUID id) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(query).setParameter(1, id).getSingleResult()).longValue());
    }
}
