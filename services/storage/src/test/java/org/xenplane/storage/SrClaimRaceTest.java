package org.xenplane.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.xenplane.storage.StorageApi.MIB;
import static org.xenplane.storage.StorageApi.asAdmin;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xenplane.core.daemon.DaemonCredentials;
import org.xenplane.testing.EmbeddedPostgresResource;

/**
 * No database transaction stays open while the control plane waits on a daemon (issue #18): with a
 * daemon call held back at a pass-through ({@link GatedDaemon}), the SR's row is free and no session
 * sits in a transaction, yet what the SR's row lock used to serialise stays right: capacity is
 * reserved before the volume is made, and SR-wide operations (scan, PBD unplug) and operations on the
 * SR's VDIs take turns, the loser refused with {@code 409 OTHER_OPERATION_IN_PROGRESS}.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class SrClaimRaceTest {
    private static final Duration ARRIVES_WITHIN = Duration.ofSeconds(20);

    @Inject
    DaemonCredentials credentials;
    @Inject
    EntityManager em;

    private RealDaemon daemon;
    private GatedDaemon gated;
    private UUID sr;

    @BeforeEach
    void fileSrOnHost2BehindAGate() throws Exception {
        daemon = RealDaemon.start(credentials, em);
        URI real = URI.create(daemon.daemonUrl(2));
        gated = new GatedDaemon(real.getScheme() + "://" + real.getAuthority());
        setDaemonUrl(gated.url(daemon.daemonUrl(2)));
        sr = StorageApi.fileSr(daemon.host(2), daemon.newSrPath());
    }

    @AfterEach
    void restoreHost2() {
        gated.close();
        setDaemonUrl(daemon.daemonUrl(2));
    }

    @Test
    void noTransactionIsOpenWhileTheDaemonMakesAVolume() {
        GatedDaemon.Gate gate = gated.hold("PUT", ".*/srs/" + sr + "/volumes/[^/]+");
        CompletableFuture<Response> create = async(() -> createVdi(8 * MIB));
        await().atMost(ARRIVES_WITHIN).until(gate::hasArrived);

        Object arrived = QuarkusTransaction.requiringNew().call(() ->
                em.createNativeQuery("select clock_timestamp()").getSingleResult());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("select id from sr where id = ?1 for update nowait")
                .setParameter(1, sr).getResultList()); // fails at once if a transaction holds the SR's row
        Number idleInTransaction = QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery("""
                select count(*) from pg_stat_activity
                where datname = current_database() and pid <> pg_backend_pid()
                  and state like 'idle in transaction%' and xact_start < ?1 and state_change < ?1""")
                .setParameter(1, arrived).getSingleResult());
        assertThat(idleInTransaction.intValue()).as("sessions in a transaction while the daemon works").isZero();
        asAdmin().get("/api/v1/vdis?sr=" + sr).then().statusCode(200)
                .body("[0].currentOperation", equalTo("create")).body("[0].allowedOperations", empty());

        gate.release();
        UUID vdi = UUID.fromString(create.join().then().statusCode(201).extract().path("id"));
        assertThat(StorageApi.getVdi(vdi).getString("currentOperation")).isNull();
        assertThat(srNow().getLong("virtualAllocation")).isEqualTo(8 * MIB);
    }

    @Test
    void createsOnOneSrRunSideBySideAndTheOneThatDoesNotFitIsRefused() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update sr set physical_size = ?2 where id = ?1")
                .setParameter(1, sr).setParameter(2, 20 * MIB).executeUpdate());
        GatedDaemon.Gate gate = gated.hold("PUT", ".*/srs/" + sr + "/volumes/[^/]+");
        CompletableFuture<Response> first = async(() -> createVdi(12 * MIB));
        await().atMost(ARRIVES_WITHIN).until(gate::hasArrived);

        createVdi(12 * MIB).then().statusCode(409).body("code", equalTo("SR_FULL"));
        createVdi(4 * MIB).then().statusCode(201);

        gate.release();
        first.join().then().statusCode(201);
        assertThat(srNow().getLong("virtualAllocation")).isEqualTo(16 * MIB);
        assertThat(asAdmin().get("/api/v1/vdis?sr=" + sr).then().extract().jsonPath().getList("id")).hasSize(2);
    }

    @Test
    void anSrWideOperationAndWorkOnTheSrsVdisTakeTurns() {
        String pbd = srNow().getString("pbds[0]");
        GatedDaemon.Gate create = gated.hold("PUT", ".*/srs/" + sr + "/volumes/[^/]+");
        CompletableFuture<Response> creating = async(() -> createVdi(4 * MIB));
        await().atMost(ARRIVES_WITHIN).until(create::hasArrived);
        asAdmin().post("/api/v1/srs/" + sr + "/scan").then().statusCode(409).body("code", equalTo("OTHER_OPERATION_IN_PROGRESS"));
        asAdmin().post("/api/v1/pbds/" + pbd + "/unplug").then().statusCode(409)
                .body("code", equalTo("OTHER_OPERATION_IN_PROGRESS"));
        create.release();
        UUID vdi = UUID.fromString(creating.join().then().statusCode(201).extract().path("id"));

        GatedDaemon.Gate scan = gated.hold("GET", ".*/srs/" + sr + "/volumes");
        CompletableFuture<Response> scanning = async(() -> asAdmin().post("/api/v1/srs/" + sr + "/scan"));
        await().atMost(ARRIVES_WITHIN).until(scan::hasArrived);
        createVdi(4 * MIB).then().statusCode(409).body("code", equalTo("OTHER_OPERATION_IN_PROGRESS"));
        asAdmin().delete("/api/v1/vdis/" + vdi).then().statusCode(409).body("code", equalTo("OTHER_OPERATION_IN_PROGRESS"));
        asAdmin().get("/api/v1/srs/" + sr).then().body("allowedOperations", empty());
        scan.release();
        scanning.join().then().statusCode(200);

        createVdi(4 * MIB).then().statusCode(201);
        asAdmin().delete("/api/v1/vdis/" + vdi).then().statusCode(204);
        asAdmin().post("/api/v1/pbds/" + pbd + "/unplug").then().statusCode(200);
        asAdmin().post("/api/v1/pbds/" + pbd + "/plug").then().statusCode(200);
    }

    private Response createVdi(long size) {
        return asAdmin().body(Map.of("srId", sr, "name", "disk", "virtualSize", size)).post("/api/v1/vdis");
    }

    private static CompletableFuture<Response> async(Supplier<Response> call) {
        return CompletableFuture.supplyAsync(call);
    }

    private io.restassured.path.json.JsonPath srNow() {
        return asAdmin().get("/api/v1/srs/" + sr).then().statusCode(200).extract().jsonPath();
    }

    private void setDaemonUrl(String url) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update host set daemon_url = ?2 where id = ?1")
                .setParameter(1, daemon.host(2)).setParameter(2, url).executeUpdate());
    }
}
