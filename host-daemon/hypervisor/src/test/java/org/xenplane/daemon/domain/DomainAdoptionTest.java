package org.xenplane.daemon.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenplane.daemon.driver.simulator.SimulatedHost;
import org.xenplane.daemon.driver.simulator.SimulatorSettings;
import org.xenplane.daemon.protocol.DiskSpec;
import org.xenplane.daemon.protocol.DomainEnded;
import org.xenplane.daemon.protocol.DomainInfo;
import org.xenplane.daemon.protocol.DomainSpec;
import org.xenplane.daemon.protocol.DomainState;
import org.xenplane.daemon.protocol.DomainType;
import org.xenplane.daemon.protocol.ShutdownReason;

/** What the domain manager keeps across a daemon restart, and its level-triggered sweep (the driver contract has the rest). */
class DomainAdoptionTest {
    private static final SimulatorSettings SETTINGS = SimulatorSettings.host(8, 8192);
    @TempDir
    Path dir;
    private SimulatedHost host;

    private DomainManager daemon() {
        if (host != null) {
            host.close();
        }
        host = SimulatedHost.persistent(SETTINGS, "test", dir.resolve("simulator/sim-host-1.json"));
        return new DomainManager("sim-host-1", host, dir.resolve("images"), dir.resolve("domains/sim-host-1"));
    }

    @Test
    void aDiskPluggedBeforeTheRestartIsStillThereWhenTheAdoptedGuestReboots() {
        DomainManager before = daemon();
        DomainSpec spec = spec(UUID.randomUUID());
        int domid = before.create(null, spec, false).domain().domid();
        before.plugDisk(null, spec.vmId(), new DiskSpec("xvdb", "/srv/data.img", "raw", false));

        DomainManager after = daemon();
        after.adopt();
        host.guestShutdown(spec.vmId(), ShutdownReason.REBOOT);
        await().atMost(Duration.ofSeconds(5)).until(() -> after.find(spec.vmId()).filter(d -> d.domid() != domid).isPresent());
        assertThat(after.find(spec.vmId()).orElseThrow().devices()).contains("vbd:xvdb");
    }

    @Test
    void eachSweepAppliesThePolicyToADomainWhoseShutdownNobodyHeard() {
        DomainManager domains = daemon();
        DomainSpec rebooting = spec(UUID.randomUUID());
        DomainSpec stopping = spec(UUID.randomUUID());
        int domid = domains.create(null, rebooting, false).domain().domid();
        domains.create(null, stopping, false);
        host.close(); // the events are lost: the domains stay shut down until someone looks
        host.guestShutdown(rebooting.vmId(), ShutdownReason.REBOOT);
        host.guestShutdown(stopping.vmId(), ShutdownReason.POWEROFF);
        assertThat(host.find(stopping.vmId()).map(DomainInfo::state)).contains(DomainState.SHUTDOWN);

        domains.reconcile();
        assertThat(host.find(stopping.vmId())).isEmpty();
        assertThat(domains.report(UUID.randomUUID()).ended()).extracting(DomainEnded::vmId, DomainEnded::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(stopping.vmId(), ShutdownReason.POWEROFF));
        assertThat(host.find(rebooting.vmId()).orElseThrow().domid()).isNotEqualTo(domid);
    }

    @Test
    void aDomainsSpecIsKeptWhileItRunsAndForgottenWhenItEndsOrTheHostLosesPower() {
        DomainManager domains = daemon();
        DomainSpec destroyed = spec(UUID.randomUUID());
        DomainSpec lost = spec(UUID.randomUUID());
        domains.create(null, destroyed, false);
        domains.create(null, lost, false);
        assertThat(kept()).containsExactlyInAnyOrder(destroyed.vmId() + ".json", lost.vmId() + ".json");

        domains.destroy(null, destroyed.vmId());
        assertThat(kept()).containsExactly(lost.vmId() + ".json");
        host.powerOff();
        domains.reconcile();
        assertThat(kept()).isEmpty();
        assertThat(domains.report(UUID.randomUUID()).domains()).isEmpty();
    }

    private List<String> kept() {
        try (var files = Files.list(dir.resolve("domains/sim-host-1"))) {
            return files.map(f -> f.getFileName().toString()).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static DomainSpec spec(UUID vmId) {
        return new DomainSpec(vmId, "guest", DomainType.PV, 256L << 20, 256L << 20, 1, 1, "/boot/vmlinuz", null, null,
                null, Map.of(), List.of(), List.of());
    }
}
