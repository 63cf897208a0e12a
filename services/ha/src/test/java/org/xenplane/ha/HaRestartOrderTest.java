package org.xenplane.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.xenplane.ha.HaApi.T_PLUS_MARGIN;
import static org.xenplane.ha.HaApi.disableHa;
import static org.xenplane.ha.HaApi.enableHa;
import static org.xenplane.ha.HaApi.haltAll;
import static org.xenplane.ha.HaApi.startOn;
import static org.xenplane.ha.HaApi.vm;
import static org.xenplane.ha.HaApi.vmView;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xenplane.ha.fixture.SimulatedPool;
import org.xenplane.ha.fixture.SimulatedPool.SimHost;
import org.xenplane.testing.EmbeddedPostgresResource;

/** The order of a failover's restarts (T = 6 s, three simulated hosts that heartbeat). */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class HaRestartOrderTest {
    @Inject
    EntityManager em;

    /**
     * Proves the order: {@code restart} VMs by {@code haOrder}, the first one's start delay (2 s)
     * kept before the second, and the {@code best-effort} VM only after both; each started once
     * recorded halted, never on two hosts.
     */
    @Test
    void restartVmsStartByOrderWithTheirDelaysThenBestEffortOnes() {
        try (SimulatedPool pool = SimulatedPool.start(3, 4096)) {
            SimHost doomed = pool.host(1);
            String second = vm("ha-order-second", 256, "restart", 2, 0);
            String first = vm("ha-order-first", 256, "restart", 1, 2);
            String bestEffort = vm("ha-order-best-effort", 256, "best-effort", 0, 0);
            List<String> all = List.of(second, first, bestEffort);
            all.forEach(id -> startOn(id, doomed));
            enableHa(pool);
            try {
                pool.silence(doomed);
                await().atMost(T_PLUS_MARGIN.plusSeconds(15)).pollInterval(Duration.ofMillis(250))
                        .until(() -> all.stream().allMatch(id -> runningElsewhere(id, doomed)));

                Instant firstAt = startTime(first);
                Instant secondAt = startTime(second);
                Instant bestEffortAt = startTime(bestEffort);
                System.out.printf("HA restart order: first %s, second %s, best-effort %s%n", firstAt, secondAt, bestEffortAt);
                assertThat(Duration.between(firstAt, secondAt)).as("order 1, then its 2 s start delay, then order 2")
                        .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
                assertThat(bestEffortAt).as("best-effort after every restart VM").isAfter(secondAt);
                all.forEach(id -> HaApi.assertNeverOnTwoHosts(em, id));
            } finally {
                disableHa();
                haltAll(all);
            }
        }
    }

    private static boolean runningElsewhere(String id, SimHost dead) {
        var v = vmView(id);
        return "running".equals(v.getString("powerState")) && v.getString("residentOn") != null
                && !dead.hostId().toString().equals(v.getString("residentOn"));
    }

    private static Instant startTime(String id) {
        return Instant.parse(vmView(id).getString("metrics.startTime"));
    }
}
