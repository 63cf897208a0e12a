package org.xenplane.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.xenplane.ha.HaApi.T_PLUS_MARGIN;
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
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xenplane.ha.fixture.SimulatedPool;
import org.xenplane.ha.fixture.SimulatedPool.SimHost;
import org.xenplane.testing.EmbeddedPostgresResource;

/** A failover with too little room on the surviving hosts (T = 6 s; hosts of 2 GiB, 1 GiB for dom0). */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class HaCapacityTest {
    @Inject
    EntityManager em;

    /**
     * Proves that when the survivors hold room for the first {@code restart} VM only, it runs, the
     * next one waits queued with its error and is reported once ({@code HA_PROTECTED_VM_RESTART_FAILED}),
     * and runs as soon as a host has room (a VM there is shut down).
     */
    @Test
    void aRestartVmThatDoesNotFitWaitsIsReportedAndStartsWhenRoomAppears() {
        try (SimulatedPool pool = SimulatedPool.start(3, 2048)) {
            SimHost doomed = pool.host(1);
            String fillerB = vm("ha-filler-b", 512, null, 0, 0);
            String fillerC = vm("ha-filler-c", 768, null, 0, 0);
            startOn(fillerB, pool.host(2));
            startOn(fillerC, pool.host(3));
            String small = vm("ha-fits", 256, "restart", 1, 0);
            String big = vm("ha-waits", 736, "restart", 2, 0);
            List<String> all = List.of(fillerB, fillerC, small, big);
            startOn(small, doomed);
            startOn(big, doomed);
            enableHa(pool);
            try {
                pool.silence(doomed);
                await().atMost(T_PLUS_MARGIN.plusSeconds(10)).pollInterval(Duration.ofMillis(250)).until(() ->
                        "running".equals(vmView(small).getString("powerState"))
                                && !ha().getList("pendingRestarts.findAll { it.vmId == '" + big + "' && it.lastError != null }").isEmpty());
                JsonPath waiting = vmView(big);
                assertThat(waiting.getString("powerState")).isEqualTo("halted");
                assertThat(ha().getString("pendingRestarts.find { it.vmId == '" + big + "' }.lastError"))
                        .isIn("HOST_NOT_ENOUGH_FREE_MEMORY", "NO_HOSTS_AVAILABLE");
                await().atMost(Duration.ofSeconds(5)).until(() ->
                        HaApi.messages("HA_PROTECTED_VM_RESTART_FAILED", big).size() == 1);

                String task = asAdmin().post("/api/v1/vms/" + fillerC + "/hard-shutdown").then().statusCode(202).extract().path("id");
                asAdmin().get("/api/v1/tasks/" + task + "?wait=60").then().statusCode(200);
                await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
                        .until(() -> "running".equals(vmView(big).getString("powerState")));
                assertThat(vmView(big).getString("residentOn")).isEqualTo(pool.host(3).hostId().toString());
                assertThat(HaApi.messages("HA_PROTECTED_VM_RESTART_FAILED", big)).as("reported once").hasSize(1);
                await().atMost(Duration.ofSeconds(5)).until(() -> ha().getList("pendingRestarts").isEmpty());
                List.of(small, big).forEach(id -> HaApi.assertNeverOnTwoHosts(em, id));
            } finally {
                disableHa();
                haltAll(all);
            }
        }
    }
}
