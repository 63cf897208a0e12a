package org.xenplane.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.xenplane.storage.StorageApi.MIB;
import static org.xenplane.storage.StorageApi.asAdmin;
import static org.xenplane.storage.StorageApi.getVdi;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xenplane.core.daemon.DaemonCredentials;
import org.xenplane.storage.service.Sweeps;
import org.xenplane.testing.EmbeddedPostgresResource;

/**
 * VDIs held by a long operation whose task ended without releasing them (its server crashed; the
 * task was then finished by another replica): the hold is released, and the destination of a copy
 * that did not finish is removed with its file. The export and SR-claim tests await the sweeps' scheduler
 * (every {@code xenplane.tasks.takeover-interval}); the copy and create tests run the same sweep directly
 * ({@link Sweeps}), then await its outcome, which a scheduled pass may as well have brought.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class VdiHoldRecoveryTest {
    private static final Duration RELEASED_WITHIN = Duration.ofSeconds(30);

    @Inject
    DaemonCredentials credentials;
    @Inject
    EntityManager em;

    private Path srPath;
    private UUID sr;

    @BeforeEach
    void fileSrOnHost1() {
        RealDaemon daemon = RealDaemon.start(credentials, em);
        srPath = daemon.newSrPath();
        sr = StorageApi.fileSr(daemon.host(1), srPath);
    }

    @Test
    void anExportHoldLeftByATaskThatEndedIsReleased() {
        UUID vdi = StorageApi.vdi(sr, 4 * MIB);
        heldByEndedTask(vdi, "export", vdi);

        await().atMost(RELEASED_WITHIN).pollInterval(Duration.ofMillis(250))
                .until(() -> getVdi(vdi).getString("currentOperation") == null);
        assertThat(getVdi(vdi).getList("allowedOperations", String.class)).contains("destroy", "copy");
        assertThat(srPath.resolve(vdi + ".qcow2")).exists();
    }

    @Test
    void theDestinationOfACopyThatDidNotFinishIsRemovedWithItsFile() {
        UUID source = StorageApi.vdi(sr, 4 * MIB);
        UUID destination = StorageApi.vdi(sr, 4 * MIB);
        heldByEndedTask(destination, "copy", source);

        Sweeps.releaseStaleVdiHolds();
        await().atMost(RELEASED_WITHIN).pollInterval(Duration.ofMillis(250))
                .until(() -> asAdmin().get("/api/v1/vdis/" + destination).statusCode() == 404);
        assertThat(srPath.resolve(destination + ".qcow2")).doesNotExist();
        assertThat(getVdi(source).getString("currentOperation")).isNull();
    }

    @Test
    void aCreateLeftByATaskThatEndedIsRemovedWithItsFileAndItsReservation() {
        long before = asAdmin().get("/api/v1/srs/" + sr).then().extract().jsonPath().getLong("virtualAllocation");
        UUID vdi = StorageApi.vdi(sr, 4 * MIB);
        heldByEndedTask(vdi, "create", sr);

        Sweeps.releaseStaleVdiHolds();
        await().atMost(RELEASED_WITHIN).pollInterval(Duration.ofMillis(250))
                .until(() -> asAdmin().get("/api/v1/vdis/" + vdi).statusCode() == 404);
        assertThat(srPath.resolve(vdi + ".qcow2")).doesNotExist();
        assertThat(asAdmin().get("/api/v1/srs/" + sr).then().extract().jsonPath().getLong("virtualAllocation"))
                .isEqualTo(before);
    }

    @Test
    void anSrClaimLeftByATaskThatEndedIsReleased() {
        UUID task = endedTask("sr.scan", sr);
        QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("update sr set current_operation = 'sr.scan', current_task = ?2 where id = ?1")
                        .setParameter(1, sr).setParameter(2, task).executeUpdate());
        asAdmin().post("/api/v1/srs/" + sr + "/scan").then().statusCode(409)
                .body("code", org.hamcrest.Matchers.equalTo("OTHER_OPERATION_IN_PROGRESS"));
        endedAMinuteAgo(task); // the grace has passed, as if the test had waited it out

        await().atMost(RELEASED_WITHIN).pollInterval(Duration.ofMillis(250)).until(() ->
                asAdmin().get("/api/v1/srs/" + sr).then().extract().jsonPath().getList("allowedOperations").contains("scan"));
        asAdmin().post("/api/v1/srs/" + sr + "/scan").then().statusCode(200);
    }

    /** A task of {@code operation} on {@code target} that failed just now (the sweep waits EndedTasks.GRACE_SECONDS). */
    private UUID endedTask(String operation, UUID target) {
        UUID task = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into task (id, operation, target_class, target_id, status, created_at, finished_at, created_by,
                                  error_code)
                values (?1, ?2, ?3, ?4, 'FAILURE', now() - interval '2 minutes', now(), 'admin', 'TASK_OWNER_LOST')""")
                .setParameter(1, task).setParameter(2, operation).setParameter(3, operation.substring(0, operation.indexOf('.')))
                .setParameter(4, target).executeUpdate());
        return task;
    }

    /** Moves the end of {@code task} back a minute, past EndedTasks.GRACE_SECONDS. */
    private void endedAMinuteAgo(UUID task) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update task set finished_at = now() - interval '1 minute' where id = ?1").setParameter(1, task).executeUpdate());
    }

    /** The VDI held by {@code operation} of a task on {@code taskTarget} that failed a minute ago. */
    private void heldByEndedTask(UUID vdi, String operation, UUID taskTarget) {
        UUID task = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    insert into task (id, operation, target_class, target_id, status, created_at, finished_at, created_by,
                                      error_code)
                    values (?1, ?2, 'vdi', ?3, 'FAILURE', now() - interval '2 minutes', now() - interval '1 minute', 'admin',
                            'TASK_OWNER_LOST')""")
                    .setParameter(1, task).setParameter(2, "vdi." + operation).setParameter(3, taskTarget).executeUpdate();
            em.createNativeQuery("update vdi set current_operation = ?2, current_task = ?3 where id = ?1")
                    .setParameter(1, vdi).setParameter(2, operation).setParameter(3, task).executeUpdate();
        });
    }
}
