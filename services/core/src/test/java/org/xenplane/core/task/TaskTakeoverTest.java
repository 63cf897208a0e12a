package org.xenplane.core.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.xenplane.core.CoreApi.asAdmin;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.probe.ProbeOperation;
import org.xenplane.testing.EmbeddedPostgresResource;

/**
 * Tasks that lost their owner (as a crashed replica leaves them: pending, owned by a replica that
 * is gone, the lease lapsed) are taken over and finished; a task a live worker holds is not, however
 * long it runs. Leases here are 3 s (see the test application.properties).
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class TaskTakeoverTest {
    private static final Duration RECOVERED_WITHIN = Duration.ofSeconds(20);

    @Inject
    EntityManager em;
    @Inject
    TaskRunner runner;

    @Test
    void anOrphanedTaskFailsTaskOwnerLostAndAnOrphanedCancelEndsCancelled() {
        UUID pending = orphan("PENDING", "probe", "now() - interval '1 second'");
        UUID cancelling = orphan("CANCELLING", "probe", "null");

        awaitStatus(pending, "failure").body("error.code", equalTo("TASK_OWNER_LOST"))
                .body("error.parameters.task", equalTo(pending.toString()));
        awaitStatus(cancelling, "cancelled");
    }

    @Test
    void theServiceThatOwnsTheOperationDecidesTheOutcome() {
        UUID orphan = orphan("PENDING", ProbeRecovery.CLASS, "now() - interval '1 second'");

        awaitStatus(orphan, "success").body("result.objectClass", equalTo(ProbeRecovery.CLASS));
    }

    @Test
    void aTaskWithAnotherReplicasLiveLeaseIsLeftAloneUntilTheLeaseLapses() {
        UUID leased = orphan("PENDING", "probe", "now() + interval '10 seconds'");
        UUID lapsed = orphan("PENDING", "probe", "now() - interval '1 second'");
        awaitStatus(lapsed, "failure");
        assertThat(status(leased)).as("a takeover pass ran, and left the leased task").isEqualTo("pending");
        lapse(leased); // instead of waiting out the rest of the 10 s lease

        awaitStatus(leased, "failure").body("error.code", equalTo("TASK_OWNER_LOST"));
    }

    @Test
    void aTaskThatRunsHereLongerThanItsLeaseIsNotTakenOver() {
        String name = "long-" + UUID.randomUUID();
        String id = asAdmin().post("/api/v1/probes/" + name + "/run").then().statusCode(202).extract().path("id");
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(250))
                .until(() -> status(UUID.fromString(id)).equals("pending")); // 2.5 leases

        asAdmin().post("/api/v1/probes/" + name + "/release").then().statusCode(204);
        awaitStatus(UUID.fromString(id), "success");
    }

    @Test
    void aFailureQuotingANulCharacterIsRecorded() {
        TaskView task = runner.submit(new TaskRequest(ProbeOperation.RUN, "probe", UUID.randomUUID(), null), "test",
                context -> {
                    throw new XenplaneException(ErrorCode.INVALID_FIELD, "mac", "bad\u0000mac");
                });

        awaitStatus(task.id(), "failure").body("error.code", equalTo("INVALID_FIELD"))
                .body("error.parameters.reason", equalTo("bad\\u0000mac"));
    }

    /** A task as a replica that died left it. */
    private UUID orphan(String status, String targetClass, String leaseUntil) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into task (id, operation, target_class, target_id, status, created_at, created_by,
                                          cancel_requested, owner, lease_until)
                        values (?1, 'probe.run', ?2, ?3, ?4, now(), 'admin', ?5, gen_random_uuid(), """ + leaseUntil + ")")
                .setParameter(1, id).setParameter(2, targetClass).setParameter(3, UUID.randomUUID())
                .setParameter(4, status).setParameter(5, status.equals("CANCELLING")).executeUpdate());
        return id;
    }

    /** The task's lease ends a second ago, as when its replica stopped renewing it that long ago. */
    private void lapse(UUID task) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update task set lease_until = now() - interval '1 second' where id = ?1").setParameter(1, task).executeUpdate());
    }

    private static String status(UUID task) {
        return asAdmin().get("/api/v1/tasks/" + task).then().statusCode(200).extract().path("status");
    }

    private static io.restassured.response.ValidatableResponse awaitStatus(UUID task, String status) {
        await().atMost(RECOVERED_WITHIN).pollInterval(Duration.ofMillis(200)).until(() -> status(task).equals(status));
        return asAdmin().get("/api/v1/tasks/" + task).then().statusCode(200);
    }
}
