package org.xenplane.network;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.xenplane.network.TestPool.DAEMON;
import static org.xenplane.network.TestPool.admin;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.xenplane.core.daemon.DaemonCredentials;
import org.xenplane.testing.EmbeddedPostgresResource;

/**
 * No database transaction stays open while a daemon removes a bridge (issue #18): with the daemon's
 * answer held back, the rows are free, and what their locks used to serialise is refused with
 * {@code 409 OTHER_OPERATION_IN_PROGRESS} until the operation is recorded; a mark whose task ended is
 * cleared by the scheduled sweep (StaleNetworkClaims), once the task's grace has passed.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class NetworkClaimRaceTest {
    private static final Duration WITHIN = Duration.ofSeconds(20);

    @Inject
    DaemonCredentials credentials;
    @Inject
    EntityManager em;

    @Test
    void aVlanDestroyWaitingForItsHostHoldsNoRowAndTakesNoSecondOperationOnItsPif() {
        String nic = TestPool.unique("n");
        String host = TestPool.unique("h");
        TestPool.scan(TestPool.join(credentials, host, "mgmt0", nic));
        String network = TestPool.network("vlan held").getString("id");
        String task = admin().body(Map.of("networkId", network, "device", nic, "tag", 70)).post("/api/v1/vlans")
                .then().statusCode(202).extract().path("id");
        TestPool.finished(task);
        Map<String, Object> vlan = admin().get("/api/v1/vlans").then().extract().jsonPath().<Map<String, Object>>getList("$")
                .stream().filter(v -> v.get("networkId").equals(network)).findFirst().orElseThrow();
        UUID vlanId = UUID.fromString(vlan.get("id").toString());
        UUID pif = UUID.fromString(vlan.get("untaggedPif").toString());

        FakeDaemon.Hold hold = DAEMON.holdNextChange(host);
        CompletableFuture<Response> destroying = CompletableFuture.supplyAsync(() -> admin().delete("/api/v1/vlans/" + vlanId));
        await().atMost(WITHIN).until(hold::hasArrived);
        QuarkusTransaction.requiringNew().run(() -> {
            lockAtOnce("vlan", vlanId); // fails if a transaction holds the row
            lockAtOnce("pif", pif);
        });
        admin().delete("/api/v1/vlans/" + vlanId).then().statusCode(409).body("code", equalTo("OTHER_OPERATION_IN_PROGRESS"));
        admin().body(Map.of("mode", "dhcp")).post("/api/v1/pifs/" + pif + "/reconfigure-ip").then().statusCode(409)
                .body("code", equalTo("OTHER_OPERATION_IN_PROGRESS"));

        hold.release();
        destroying.join().then().statusCode(204);
        admin().get("/api/v1/vlans/" + vlanId).then().statusCode(404);
    }

    @Test
    void aNetworkWhoseBridgesAreBeingRemovedTakesNoVif() {
        String host = TestPool.unique("h");
        TestPool.scan(TestPool.join(credentials, host, "mgmt0", TestPool.unique("n")));
        String network = TestPool.network("destroy held").getString("id");

        FakeDaemon.Hold hold = DAEMON.holdNextChange(host);
        String task = admin().delete("/api/v1/networks/" + network).then().statusCode(202).extract().path("id");
        await().atMost(WITHIN).until(hold::hasArrived);
        QuarkusTransaction.requiringNew().run(() -> lockAtOnce("network", UUID.fromString(network)));
        admin().body(Map.of("vmId", UUID.randomUUID().toString(), "device", 0, "networkId", network)).post("/api/v1/vifs")
                .then().statusCode(409).body("code", equalTo("OTHER_OPERATION_IN_PROGRESS"));

        hold.release();
        admin().get("/api/v1/tasks/" + task + "?wait=60").then().body("status", equalTo("success"));
        admin().get("/api/v1/networks/" + network).then().statusCode(404);
    }

    @Test
    void aMarkLeftByATaskThatEndedIsCleared() { // the task ended just now: the sweep waits EndedTasks.GRACE_SECONDS
        String network = TestPool.network("marked by a dead task").getString("id");
        UUID task = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    insert into task (id, operation, target_class, target_id, status, created_at, finished_at, created_by,
                                      error_code)
                    values (?1, 'network.destroy', 'network', ?2, 'FAILURE', now() - interval '2 minutes', now(), 'admin',
                            'TASK_OWNER_LOST')""")
                    .setParameter(1, task).setParameter(2, UUID.fromString(network)).executeUpdate();
            em.createNativeQuery("update network set current_operation = 'network.destroy', current_task = ?2 where id = ?1")
                    .setParameter(1, UUID.fromString(network)).setParameter(2, task).executeUpdate();
        });
        Map<String, Object> vif = Map.of("vmId", UUID.randomUUID().toString(), "device", 0, "networkId", network);
        admin().body(vif).post("/api/v1/vifs").then().statusCode(409).body("code", equalTo("OTHER_OPERATION_IN_PROGRESS"));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery( // the grace has passed, as if waited out
                "update task set finished_at = now() - interval '1 minute' where id = ?1").setParameter(1, task).executeUpdate());

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> admin().body(vif).post("/api/v1/vifs").statusCode() == 201);
    }

    private void lockAtOnce(String table, UUID id) {
        em.createNativeQuery("select id from " + table + " where id = ?1 for update nowait").setParameter(1, id).getResultList();
    }
}
