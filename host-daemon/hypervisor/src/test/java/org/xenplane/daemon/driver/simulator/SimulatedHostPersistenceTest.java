package org.xenplane.daemon.driver.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenplane.daemon.protocol.DomainInfo;
import org.xenplane.daemon.protocol.DomainState;
import org.xenplane.daemon.protocol.NicSpec;
import org.xenplane.daemon.protocol.ShutdownReason;

/** A simulated host is the machine, not the toolstack: its domains outlive the daemon, until it is powered off. */
class SimulatedHostPersistenceTest {
    private static final SimulatorSettings SETTINGS = SimulatorSettings.host(4, 8192).withDom0Memory(1L << 30);
    @TempDir
    Path dir;

    private SimulatedHost open() {
        return SimulatedHost.persistent(SETTINGS, "test", dir.resolve("sim-host-1.json"));
    }

    @Test
    void aNewDaemonFindsTheDomainsExactlyAsTheyWere() {
        SimulatedHost first = open();
        UUID running = UUID.randomUUID();
        UUID paused = UUID.randomUUID();
        UUID stopped = UUID.randomUUID();
        first.create(SimulatedHostContractTest.spec(running), false);
        first.attachNic(running, new NicSpec("00:16:3e:00:00:42", "xenbr1"));
        first.setMemoryTarget(running, 256L << 20);
        first.create(SimulatedHostContractTest.spec(paused), true);
        first.create(SimulatedHostContractTest.spec(stopped), false);
        first.guestShutdown(stopped, ShutdownReason.CRASH);
        List<DomainInfo> before = first.list();
        long freeBefore = first.facts().memoryFree();
        first.close();

        SimulatedHost second = open();
        assertThat(second.list()).containsExactlyElementsOf(before);
        assertThat(second.facts().memoryFree()).isEqualTo(freeBefore);
        assertThat(second.find(paused).orElseThrow().state()).isEqualTo(DomainState.PAUSED);
        assertThat(second.shutdownReason(stopped)).contains(ShutdownReason.CRASH);
        assertThat(second.shutdownReason(running)).isEmpty();
        int highest = before.stream().mapToInt(DomainInfo::domid).max().orElseThrow();
        assertThat(second.create(SimulatedHostContractTest.spec(UUID.randomUUID()), false).domid()).isGreaterThan(highest);
    }

    @Test
    void aClosedHostNeitherTellsNorWritesAnythingMore() {
        SimulatedHost first = open();
        UUID vmId = UUID.randomUUID();
        first.create(SimulatedHostContractTest.spec(vmId), false);
        List<ShutdownReason> heard = new CopyOnWriteArrayList<>();
        first.addListener((id, domid, reason) -> heard.add(reason));
        first.close();

        first.guestShutdown(vmId, ShutdownReason.POWEROFF);
        first.destroy(vmId);
        assertThat(open().find(vmId).map(DomainInfo::state)).contains(DomainState.RUNNING);
        assertThat(heard).isEmpty();
    }

    @Test
    void poweringTheHostOffEndsEveryDomainForGoodAndTellsNobody() {
        SimulatedHost host = open();
        UUID vmId = UUID.randomUUID();
        host.create(SimulatedHostContractTest.spec(vmId), false);
        List<ShutdownReason> heard = new CopyOnWriteArrayList<>();
        host.addListener((id, domid, reason) -> heard.add(reason));

        host.powerOff();
        assertThat(host.list()).isEmpty();
        assertThat(host.facts().memoryFree()).isEqualTo(SETTINGS.memory() - SETTINGS.dom0Memory());
        host.close();
        assertThat(open().list()).isEmpty();
        assertThat(heard).isEmpty();
    }
}
