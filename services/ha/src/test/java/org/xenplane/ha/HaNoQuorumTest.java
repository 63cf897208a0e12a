package org.xenplane.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.xenplane.ha.HaApi.T_PLUS_MARGIN;
import static org.xenplane.ha.HaApi.awaitSilence;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xenplane.ha.fixture.SimulatedPool;
import org.xenplane.ha.fixture.SimulatedPool.SimHost;
import org.xenplane.testing.EmbeddedPostgresResource;

/** A control plane that hears from too few hosts (T = 6 s, four simulated hosts, three fall silent). */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class HaNoQuorumTest {

    /**
     * Proves that a control plane that hears no quorum of the pool declares nobody dead: three of
     * four hosts silent for well past T + margin (the control plane and one host are two of five
     * voters), the monitor running, and none is declared dead nor is their protected VM reset or
     * restarted (the other side of the split may be the one that runs).
     */
    @Test
    void aControlPlaneThatHearsNoQuorumDeclaresNobodyDead() {
        try (SimulatedPool pool = SimulatedPool.start(4, 4096)) {
            SimHost a = pool.host(1);
            SimHost b = pool.host(2);
            SimHost c = pool.host(3);
            String protectedVm = vm("ha-no-quorum", 256, "restart", 0, 0);
            startOn(protectedVm, a);
            enableHa(pool);
            try {
                Instant silenced = Instant.now();
                pool.silence(a);
                pool.silence(b);
                pool.silence(c);
                await().atMost(Duration.ofSeconds(15)).until(() -> !ha().getBoolean("quorum"));
                awaitSilence(silenced, T_PLUS_MARGIN.plusSeconds(3));

                JsonPath view = ha();
                assertThat(view.getBoolean("quorum")).isFalse();
                assertThat(view.getString("hosts.find { it.id == '" + a.hostId() + "' }.state")).isEqualTo("silent");
                assertThat(view.getString("hosts.find { it.id == '" + b.hostId() + "' }.state")).isEqualTo("silent");
                assertThat(view.getString("hosts.find { it.id == '" + c.hostId() + "' }.state")).isEqualTo("silent");
                assertThat(view.getList("pendingRestarts")).isEmpty();
                JsonPath recorded = vmView(protectedVm);
                assertThat(recorded.getString("powerState")).isEqualTo("running");
                assertThat(recorded.getString("residentOn")).isEqualTo(a.hostId().toString());
                assertThat(HaApi.messages("HA_HOST_FAILED", a.hostId().toString())).isEmpty();
            } finally {
                disableHa();
                haltAll(List.of(protectedVm));
            }
        }
    }
}
