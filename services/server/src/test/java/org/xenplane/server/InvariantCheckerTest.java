package org.xenplane.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xenplane.core.security.CallerKind;
import org.xenplane.core.security.Credential;
import org.xenplane.core.security.Role;
import org.xenplane.core.security.Tokens;
import org.xenplane.testing.EmbeddedPostgresResource;

/**
 * {@code GET /api/v1/pool/invariants}: each inconsistency made on purpose in the records (by SQL,
 * as a crash or a bug would leave it) is reported with its kind and object, a consistent neighbour
 * is not, and once it is repaired nothing is reported about it.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class InvariantCheckerTest {
    private static final String ADMIN_TOKEN = "xpu_test-admin-token-0123456789abcdefghijklmnopqrstu";
    private static final long GIB = 1L << 30;

    @Inject
    EntityManager em;

    /** Every row a test inserted, deleted after it in reverse order: {table, id}. */
    private final List<Object[]> inserted = new ArrayList<>();

    @AfterEach
    void repair() {
        for (int i = inserted.size() - 1; i >= 0; i--) {
            Object[] row = inserted.get(i);
            sql("delete from " + row[0] + " where id = ?1", row[1]);
        }
        assertThat(report()).as("nothing about the repaired objects")
                .noneMatch(i -> inserted.stream().anyMatch(row -> row[1].toString().equals(i.get("objectId"))));
        inserted.clear();
    }

    @Test
    void aConsistentPoolReportsNothingAndOnlyAPoolAdminMayAsk() {
        UUID host = host(true, 16 * GIB);
        vm("RUNNING", host, GIB, null);
        vm("HALTED", null, 0, null);
        assertThat(report()).isEmpty();
        given().auth().oauth2(token(Role.POOL_OPERATOR)).get("/api/v1/pool/invariants").then().statusCode(403)
                .body("code", equalTo("RBAC_PERMISSION_DENIED"));
    }

    @Test
    void aTaskPendingWhoseOwnersLeaseLapsedIsReported() {
        UUID stale = task("PENDING", "now() - interval '1 minute'");
        UUID unowned = task("CANCELLING", "null");
        task("PENDING", "now() + interval '1 hour'");
        task("SUCCESS", "null");
        assertReportedExactly("TASK_STALE", "task", stale, unowned);
    }

    @Test
    void aVmBusyWithATaskThatEndedOrDoesNotExistIsReported() {
        UUID ended = vm("HALTED", null, 0, task("FAILURE", "null"));
        UUID missing = vm("HALTED", null, 0, UUID.randomUUID());
        vm("HALTED", null, 0, task("PENDING", "now() + interval '1 hour'"));
        assertReportedExactly("VM_OPERATION_WITHOUT_TASK", "vm", ended, missing);
    }

    @Test
    void memoryHeldWithoutADomainOrADomainWithoutItsMemoryIsReported() {
        UUID host = host(true, 16 * GIB);
        UUID leaked = vm("HALTED", null, GIB, null);
        UUID scheduled = vm("HALTED", null, GIB, null);
        sql("update vm set scheduled_to = ?2 where id = ?1", scheduled, host);
        UUID unreserved = vm("RUNNING", host, 0, null);
        assertReportedExactly("RESERVATION_WITHOUT_DOMAIN", "vm", leaked, scheduled);
        assertReportedExactly("DOMAIN_WITHOUT_RESERVATION", "vm", unreserved);
    }

    @Test
    void aHostWhoseVmsReserveMoreThanItHoldsIsReported() {
        UUID small = host(true, 2 * GIB);
        vm("RUNNING", small, 2 * GIB, null);
        assertReportedExactly("HOST_OVERCOMMITTED", "host", small);
    }

    @Test
    void aVmRunningOnAHostThatIsNotLiveIsReported() {
        UUID gone = host(false, 16 * GIB);
        UUID stranded = vm("RUNNING", gone, GIB, null);
        assertReportedExactly("VM_ON_HOST_NOT_LIVE", "vm", stranded);
    }

    @Test
    void aReadWriteDiskStillAttachedToAHaltedVmIsReported() {
        UUID host = host(true, 16 * GIB);
        UUID halted = vm("HALTED", null, 0, null);
        UUID attached = vbd(halted, host, "RW", 0);
        vbd(halted, host, "RO", 1);
        vbd(vm("RUNNING", host, GIB, null), host, "RW", 0);
        assertReportedExactly("DISK_ATTACHED_TO_HALTED_VM", "vbd", attached);
    }

    private void assertReportedExactly(String kind, String objectClass, UUID... ids) {
        List<Map<String, Object>> found = report().stream().filter(i -> kind.equals(i.get("kind"))).toList();
        assertThat(found).extracting(i -> i.get("objectClass")).containsOnly(objectClass);
        assertThat(found).extracting(i -> i.get("objectId"))
                .containsExactlyInAnyOrderElementsOf(List.of(ids).stream().map(UUID::toString).toList());
        assertThat(found).allSatisfy(i -> assertThat((String) i.get("detail")).isNotBlank());
    }

    private static List<Map<String, Object>> report() {
        return admin().get("/api/v1/pool/invariants").then().statusCode(200).extract().jsonPath().getList("");
    }

    private UUID host(boolean live, long memory) {
        UUID id = UUID.randomUUID();
        // a heartbeat in the future: the pool's liveness check leaves a live test host live
        insert("host", id, """
                insert into host (id, pool_id, name, address, daemon_url, cpu_count, memory_total, memory_free, live,
                                  last_heartbeat, joined_at)
                values (?1, (select id from pool limit 1), 'invariants-test', '127.0.0.1', 'http://127.0.0.1:1', 4, ?2, ?2,
                        ?3, now() + interval '1 day', now())""", memory, live);
        return id;
    }

    private UUID vm(String state, UUID host, long reserved, UUID task) {
        UUID id = UUID.randomUUID();
        insert("vm", id, """
                insert into vm (id, name, power_state, resident_on, memory_reserved, memory_static_min, memory_static_max,
                                memory_dynamic_min, memory_dynamic_max, vcpus_max, vcpus_at_startup, domain_type,
                                current_operation, current_task)
                values (?1, 'invariants-test', ?2, ?3, ?4, 1073741824, 1073741824, 1073741824, 1073741824, 1, 1, 'pvh',
                        ?5, ?6)""", state, host, reserved, task == null ? null : "start", task);
        return id;
    }

    /** A task as a replica that is not this one left it, with its lease ending at {@code leaseUntil} (SQL). */
    private UUID task(String status, String leaseUntil) {
        UUID id = UUID.randomUUID();
        insert("task", id, "insert into task (id, operation, status, created_at, created_by, owner, lease_until) "
                + "values (?1, 'vm.start', ?2, now(), 'invariants-test', gen_random_uuid(), " + leaseUntil + ")", status);
        return id;
    }

    private UUID vbd(UUID vm, UUID host, String mode, int userdevice) {
        UUID sr = UUID.randomUUID();
        insert("sr", sr, "insert into sr (id, name, type, shared, created_at) values (?1, 'invariants-test', 'file', true, now())");
        UUID vdi = UUID.randomUUID();
        insert("vdi", vdi, "insert into vdi (id, sr_id, name, type, virtual_size, created_at) values (?1, ?2, 'disk', 'USER', "
                + GIB + ", now())", sr);
        UUID id = UUID.randomUUID();
        insert("vbd", id, """
                insert into vbd (id, vm_id, vdi_id, userdevice, device, mode, type, currently_attached, attached_host_id)
                values (?1, ?2, ?3, ?4, 'xvd' || chr(97 + ?4), ?5, 'DISK', true, ?6)""", vm, vdi, userdevice, mode, host);
        return id;
    }

    /** Runs {@code statement} with ?1 = id and the rest in order, and remembers the row for {@link #repair}. */
    private void insert(String table, UUID id, String statement, Object... values) {
        Object[] all = new Object[values.length + 1];
        all[0] = id;
        System.arraycopy(values, 0, all, 1, values.length);
        sql(statement, all);
        inserted.add(new Object[] {table, id});
    }

    private void sql(String statement, Object... values) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = em.createNativeQuery(statement);
            for (int i = 0; i < values.length; i++) {
                query.setParameter(i + 1, values[i]);
            }
            query.executeUpdate();
        });
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(ADMIN_TOKEN).accept(ContentType.JSON);
    }

    private static String token(Role role) {
        String secret = Tokens.newSecret(Tokens.USER_PREFIX);
        QuarkusTransaction.requiringNew().run(() -> Credential.create(CallerKind.USER, "invariants-" + role.wireName(),
                "test " + role.wireName(), role, secret).persist());
        return secret;
    }
}
