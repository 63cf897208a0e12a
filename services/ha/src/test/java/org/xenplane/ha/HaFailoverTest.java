package org.xenplane.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.xenplane.ha.HaApi.T_PLUS_MARGIN;
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
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xenplane.ha.fixture.SimulatedPool;
import org.xenplane.ha.fixture.SimulatedPool.SimHost;
import org.xenplane.testing.EmbeddedPostgresResource;

/**
 * A host dies with HA enabled (T = 6 s): real server (pool, vm and ha in process, embedded
 * PostgreSQL), three simulated hosts that join and heartbeat as daemons do.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class HaFailoverTest {
    @Inject
    EntityManager em;

    /**
     * Proves the failover: a {@code restart} VM on a host that goes silent runs on another host
     * within T + margin + 10 s, is never recorded on two hosts, the host is declared dead (state,
     * event, message), and an unprotected VM of the same host is recorded halted and stays halted.
     */
    @Test
    void aProtectedVmOfASilentHostRunsElsewhereAndAnUnprotectedOneStaysHalted() {
        try (SimulatedPool pool = SimulatedPool.start(3, 4096)) {
            SimHost doomed = pool.host(1);
            String protectedVm = vm("ha-protected", 256, "restart", 0, 0);
            String plainVm = vm("ha-plain", 256, null, 0, 0);
            startOn(protectedVm, doomed);
            startOn(plainVm, doomed);
            enableHa(pool);
            try {
                Instant silenced = Instant.now();
                pool.silence(doomed);

                await().atMost(T_PLUS_MARGIN.plusSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
                    JsonPath v = vmView(protectedVm);
                    return "running".equals(v.getString("powerState")) && v.getString("residentOn") != null
                            && !doomed.hostId().toString().equals(v.getString("residentOn"));
                });
                Duration took = Duration.between(silenced, Instant.now());
                System.out.println("HA failover: the protected VM ran again " + took.toMillis() + " ms after its host went silent");

                HaApi.assertNeverOnTwoHosts(em, protectedVm);
                JsonPath plain = vmView(plainVm);
                assertThat(plain.getString("powerState")).isEqualTo("halted");
                assertThat(plain.getString("residentOn")).isNull();
                assertThat(ha().getString("hosts.find { it.id == '" + doomed.hostId() + "' }.state")).isEqualTo("dead");
                assertThat(HaApi.messages("HA_HOST_FAILED", doomed.hostId().toString())).hasSize(1);
                await().atMost(Duration.ofSeconds(5)).until(() -> ha().getList("pendingRestarts").isEmpty());
                assertThat(HaApi.inconsistenciesAbout(List.of(protectedVm, plainVm))).as("invariant checker").isEmpty();
            } finally {
                disableHa();
                haltAll(List.of(protectedVm, plainVm));
            }
        }
    }
}
