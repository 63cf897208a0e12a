package org.xenplane.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xenplane.ha.service.HaStore;
import org.xenplane.testing.EmbeddedPostgresResource;

/** The HA monitor's lease row on the real database: one active monitor across replicas. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class HaMonitorLeaseTest {
    private static final long LEASE_MILLIS = 5000;

    @Inject
    HaStore store;

    /**
     * Proves that exactly one replica holds the monitor lease: a second is refused while the first
     * renews it, takes it once the first lets go, and its time as the active monitor starts then
     * (so it waits T + margin before declaring anyone dead), not when the first took it.
     */
    @Test
    void oneReplicaHoldsTheMonitorLeaseAndANewHolderStartsItsOwnClock() {
        HaApi.disableHa(); // this process's own monitor leaves the lease alone
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        await().atMost(Duration.ofSeconds(10)).until(() -> hold(first) >= 0); // any earlier holder's lease ran out
        await().atMost(Duration.ofSeconds(5)).until(() -> hold(first) >= 300);
        assertThat(hold(second)).as("held by the first replica").isEqualTo(-1);
        assertThat(hold(first)).as("renewed, still counting").isGreaterThanOrEqualTo(300);

        QuarkusTransaction.requiringNew().run(() -> store.releaseMonitorLease(first));
        long secondFor = hold(second);
        assertThat(secondFor).as("the new holder's clock starts now").isBetween(0L, 200L);
        assertThat(hold(first)).isEqualTo(-1);
        QuarkusTransaction.requiringNew().run(() -> store.releaseMonitorLease(second));
    }

    private long hold(UUID owner) {
        return QuarkusTransaction.requiringNew().call(() -> store.holdMonitorLease(owner, LEASE_MILLIS));
    }
}
