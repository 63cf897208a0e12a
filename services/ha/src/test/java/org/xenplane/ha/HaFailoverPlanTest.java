package org.xenplane.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.xenplane.ha.HaApi.asAdmin;
import static org.xenplane.ha.HaApi.disableHa;
import static org.xenplane.ha.HaApi.enableHa;
import static org.xenplane.ha.HaApi.ha;
import static org.xenplane.ha.HaApi.haltAll;
import static org.xenplane.ha.HaApi.startOn;
import static org.xenplane.ha.HaApi.vm;
import static org.xenplane.ha.HaApi.vmView;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xenplane.ha.fixture.SimulatedPool;
import org.xenplane.ha.fixture.SimulatedPool.SimHost;
import org.xenplane.testing.EmbeddedPostgresResource;

/**
 * The failover plan keeps what HA promises (T = 6 s, one host failure to tolerate; two hosts of
 * 3 GiB, 1 GiB of each for dom0, so 2 GiB for VMs). Host 1 runs {@code a} (512 MiB, restart) and
 * {@code e} (512 MiB), host 2 runs {@code b} (1280 MiB, not protected): if host 1 fails, {@code a}
 * fits in host 2's 768 MiB left, so the plan exists for one failure.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class HaFailoverPlanTest {

    /**
     * Proves the refusals (409 HA_OPERATION_WOULD_BREAK_FAILOVER_PLAN, nothing changed) of a start
     * on a host, a VM made {@code restart} and a host disable that would each leave {@code a} or
     * {@code b} no room after a failure; that a start anywhere goes to the host that keeps the plan;
     * and that with overcommit allowed the same disable is done and HA says it is overcommitted.
     */
    @Test
    void operationsThatWouldLeaveAProtectedVmNoRoomAfterAFailureAreRefusedUnlessOvercommitIsAllowed() {
        try (SimulatedPool pool = SimulatedPool.start(2, 3072)) {
            SimHost one = pool.host(1);
            SimHost two = pool.host(2);
            String a = vm("plan-a", 512, "restart", 0, 0);
            String e = vm("plan-e", 512, null, 0, 0);
            String b = vm("plan-b", 1280, null, 0, 0);
            String c = vm("plan-c", 512, null, 0, 0);
            List<String> all = List.of(a, e, b, c);
            startOn(a, one);
            startOn(e, one);
            startOn(b, two);
            enableHa(pool);
            try {
                assertThat(ha().getInt("planExistsFor")).isEqualTo(1);
                assertThat(ha().getBoolean("overcommitted")).isFalse();

                // c on host 2 would leave 256 MiB there: a (512 MiB) could not run again if host 1 failed
                refused(asAdmin().body(Map.of("host", two.hostId().toString())).post("/api/v1/vms/" + c + "/start-on").then());
                assertThat(vmView(c).getString("powerState")).isEqualTo("halted");
                // anywhere: host 1 keeps the plan (host 2 has room for a, and b is not protected)
                String task = asAdmin().post("/api/v1/vms/" + c + "/start").then().statusCode(202).extract().path("id");
                asAdmin().get("/api/v1/tasks/" + task + "?wait=60").then().statusCode(200).body("status", equalTo("success"));
                assertThat(vmView(c).getString("residentOn")).isEqualTo(one.hostId().toString());
                haltAll(List.of(c));

                // b protected: if host 2 failed, b (1280 MiB) would not fit in host 1's 1 GiB left
                refused(asAdmin().body(Map.of("restartPriority", "restart", "order", 0, "startDelaySeconds", 0))
                        .put("/api/v1/vms/" + b + "/ha").then());
                assertThat(vmView(b).getString("haRestartPriority")).isEmpty();

                // host 2 disabled: if host 1 failed, a would have nowhere to go
                refused(asAdmin().post("/api/v1/hosts/" + two.hostId() + "/disable").then());
                assertThat(asAdmin().get("/api/v1/hosts/" + two.hostId()).then().extract().<Boolean>path("enabled")).isTrue();

                asAdmin().body(Map.of("allowOvercommit", true)).put("/api/v1/ha/allow-overcommit").then().statusCode(200);
                asAdmin().post("/api/v1/hosts/" + two.hostId() + "/disable").then().statusCode(200);
                assertThat(ha().getInt("planExistsFor")).isZero();
                assertThat(ha().getBoolean("overcommitted")).isTrue();
            } finally {
                asAdmin().body(Map.of("allowOvercommit", false)).put("/api/v1/ha/allow-overcommit");
                asAdmin().post("/api/v1/hosts/" + two.hostId() + "/enable");
                disableHa();
                haltAll(all);
            }
        }
    }

    private static void refused(ValidatableResponse response) {
        response.statusCode(409).body("code", equalTo("HA_OPERATION_WOULD_BREAK_FAILOVER_PLAN"))
                .body("parameters.failures_to_tolerate", equalTo("1")).body("parameters.plan_exists_for", equalTo("0"));
    }
}
