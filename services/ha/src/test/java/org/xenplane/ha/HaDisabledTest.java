package org.xenplane.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xenplane.ha.HaApi.T_PLUS_MARGIN;
import static org.xenplane.ha.HaApi.awaitSilence;
import static org.xenplane.ha.HaApi.ha;
import static org.xenplane.ha.HaApi.haltAll;
import static org.xenplane.ha.HaApi.startOn;
import static org.xenplane.ha.HaApi.vm;
import static org.xenplane.ha.HaApi.vmView;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xenplane.ha.fixture.SimulatedPool;
import org.xenplane.ha.fixture.SimulatedPool.SimHost;
import org.xenplane.testing.EmbeddedPostgresResource;

/** HA disabled (three simulated hosts that heartbeat, one falls silent). */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class HaDisabledTest {

    /**
     * Proves that with HA disabled nothing of the failover runs: a host silent for longer than a
     * failover would take is not declared dead and its {@code restart} VM stays recorded where it was,
     * neither reset nor restarted; the heartbeats are acknowledged with HA off.
     */
    @Test
    void withHaDisabledNoHostIsDeclaredDeadAndNothingIsRestarted() {
        try (SimulatedPool pool = SimulatedPool.start(3, 4096)) {
            SimHost a = pool.host(1);
            String protectedVm = vm("ha-disabled", 256, "restart", 0, 0);
            startOn(protectedVm, a);
            assertThat(ha().getBoolean("enabled")).isFalse();
            try {
                Instant silenced = Instant.now();
                pool.silence(a);
                awaitSilence(silenced, T_PLUS_MARGIN.plusSeconds(3));

                assertThat(pool.lastAck(a).orElseThrow().path("ha").path("enabled").asBoolean()).isFalse();
                assertThat(ha().getString("hosts.find { it.id == '" + a.hostId() + "' }.state")).isNotEqualTo("dead");
                JsonPath recorded = vmView(protectedVm);
                assertThat(recorded.getString("powerState")).isEqualTo("running");
                assertThat(recorded.getString("residentOn")).isEqualTo(a.hostId().toString());
                assertThat(HaApi.messages("HA_HOST_FAILED", a.hostId().toString())).isEmpty();
            } finally {
                haltAll(List.of(protectedVm));
            }
        }
    }
}
