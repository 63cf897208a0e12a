package org.xenplane.daemon.driver.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.xenplane.daemon.driver.DriverOperation;
import org.xenplane.daemon.driver.HypervisorException;
import org.xenplane.daemon.driver.XenError;
import org.xenplane.daemon.protocol.DiskSpec;
import org.xenplane.daemon.protocol.DomainInfo;
import org.xenplane.daemon.protocol.DomainOverhead;
import org.xenplane.daemon.protocol.DomainSpec;
import org.xenplane.daemon.protocol.DomainState;
import org.xenplane.daemon.protocol.DomainType;
import org.xenplane.daemon.protocol.NicSpec;
import org.xenplane.daemon.protocol.ShutdownReason;

/** What only the simulator does: injected failures, latencies, guest behaviour, exact accounting. */
class SimulatedHostTest {
    private static final long MIB = 1L << 20;
    private final SimulatedHost host = new SimulatedHost(SimulatorSettings.host(4, 4096).withDom0Memory(1024 * MIB), "test");

    @Test
    void anInjectedFailureFiresOnceWithItsXenErrorAndChangesNothing() {
        host.failures().failNext(DriverOperation.CREATE, XenError.NOMEM);
        UUID vmId = UUID.randomUUID();

        assertThatThrownBy(() -> host.create(SimulatedHostContractTest.spec(vmId), false))
                .isInstanceOfSatisfying(HypervisorException.class, e -> {
                    assertThat(e.error()).isEqualTo(XenError.NOMEM);
                    assertThat(e.function()).isEqualTo("libxl_domain_create_new");
                });
        assertThat(host.find(vmId)).isEmpty();
        assertThat(host.create(SimulatedHostContractTest.spec(vmId), false).state()).isEqualTo(DomainState.RUNNING);
        assertThat(host.calls().of(DriverOperation.CREATE)).extracting(CallLog.Call::outcome)
                .containsExactly("ERROR_NOMEM", "ok");
    }

    @Test
    void memoryIsChargedAtStaticMaximumPlusOverheadAndDom0KeepsItsShare() {
        DomainSpec spec = SimulatedHostContractTest.spec(UUID.randomUUID());
        long expected = 4096 * MIB - 1024 * MIB - spec.memoryStaticMax()
                - DomainOverhead.bytes(DomainType.PVH, spec.memoryStaticMax(), spec.vcpusMax());
        host.create(spec, false);
        assertThat(host.facts().memoryFree()).isEqualTo(expected);
    }

    @Test
    void theHostRefusesTheFirstDomainThatDoesNotFit() {
        int started = 0;
        while (true) {
            try {
                host.create(SimulatedHostContractTest.spec(UUID.randomUUID()), false);
                started++;
            } catch (HypervisorException e) {
                assertThat(e.error()).isEqualTo(XenError.NOMEM);
                break;
            }
        }
        long perDomain = SimulatedHostContractTest.spec(UUID.randomUUID()).memoryNeeded();
        assertThat(started).isEqualTo((int) ((3072 * MIB) / perDomain));
    }

    @Test
    void domidsCountUpAndAreNotReusedAtOnce() {
        DomainInfo first = host.create(SimulatedHostContractTest.spec(UUID.randomUUID()), false);
        host.destroy(first.vmId());
        DomainInfo second = host.create(SimulatedHostContractTest.spec(UUID.randomUUID()), false);
        assertThat(first.domid()).isEqualTo(1);
        assertThat(second.domid()).isEqualTo(2);
    }

    @Test
    void eachOperationTakesItsConfiguredLatency() {
        SimulatedHost slow = new SimulatedHost(SimulatorSettings.host(4, 4096)
                .withLatency(Map.of(DriverOperation.CREATE, Duration.ofMillis(300))), "test");
        long started = System.nanoTime();
        slow.create(SimulatedHostContractTest.spec(UUID.randomUUID()), false);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aGuestThatIgnoresRequestsKeepsRunning() throws Exception {
        DomainInfo domain = host.create(SimulatedHostContractTest.spec(UUID.randomUUID()), false);
        host.setGuestBehaviour(domain.vmId(), GuestBehaviour.IGNORES_REQUESTS);
        List<ShutdownReason> heard = listen();
        host.requestShutdown(domain.vmId());
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(3)).until(heard::isEmpty);
        assertThat(host.find(domain.vmId()).orElseThrow().state()).isEqualTo(DomainState.RUNNING);
    }

    @Test
    void aPausedGuestActsOnARequestOnlyOnceUnpaused() throws Exception {
        DomainInfo domain = host.create(SimulatedHostContractTest.spec(UUID.randomUUID()), true);
        List<ShutdownReason> heard = listen();
        host.requestShutdown(domain.vmId());
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(3)).until(heard::isEmpty);
        host.unpause(domain.vmId());
        await().atMost(Duration.ofSeconds(5)).until(() -> heard.contains(ShutdownReason.POWEROFF));
    }

    @Test
    void aGuestCanCrashByItselfAndTheListenersHearIt() {
        DomainInfo domain = host.create(SimulatedHostContractTest.spec(UUID.randomUUID()), false);
        List<ShutdownReason> heard = listen();
        host.guestShutdown(domain.vmId(), ShutdownReason.CRASH);
        await().atMost(Duration.ofSeconds(5)).until(() -> heard.contains(ShutdownReason.CRASH));
        assertThat(host.find(domain.vmId()).orElseThrow().state()).isEqualTo(DomainState.SHUTDOWN);
    }

    @Test
    void aPvGuestWithoutAKernelIsRefusedWithInval() {
        DomainSpec spec = SimulatedHostContractTest.spec(UUID.randomUUID());
        DomainSpec noKernel = new DomainSpec(spec.vmId(), spec.name(), DomainType.PV, spec.memoryStaticMax(),
                spec.memoryTarget(), 1, 1, null, null, null, null, Map.of(), List.of(), List.of());
        assertThatThrownBy(() -> host.create(noKernel, false)).isInstanceOfSatisfying(HypervisorException.class,
                e -> assertThat(e.error()).isEqualTo(XenError.INVAL));
    }

    @Test
    void theDevicesOfTheSpecAreListed() {
        DomainInfo domain = host.create(SimulatedHostContractTest.spec(UUID.randomUUID()), false);
        assertThat(domain.devices()).contains("vbd:xvda", "vif:0:00:16:3e:00:00:01", "console:0");
    }

    @Test
    void hotPluggedDevicesAreListedAndKeepTheirNumbers() throws Exception {
        UUID vmId = UUID.randomUUID();
        host.create(SimulatedHostContractTest.spec(vmId), false);
        host.attachDisk(vmId, new DiskSpec("xvdd", null, "raw", true, true));
        host.attachNic(vmId, new NicSpec("00:16:3e:00:00:02", "xenbr1", 9000, null));
        host.detachNic(vmId, "00:16:3e:00:00:01");
        host.changeMedium(vmId, new DiskSpec("xvdd", "/srv/iso/tools.iso", "raw", true, true));
        assertThat(host.find(vmId).orElseThrow().devices())
                .containsExactly("vbd:xvda", "vbd:xvdd", "vif:1:00:16:3e:00:00:02", "console:0");
        host.changeMedium(vmId, new DiskSpec("xvdd", null, "raw", true, true));
        assertThat(host.find(vmId).orElseThrow().devices()).contains("vbd:xvdd");

    }

    @Test
    void unpluggingWhatIsNotThereFailsWithNotfound() {
        UUID vmId = UUID.randomUUID();
        host.create(SimulatedHostContractTest.spec(vmId), false);
        for (Runnable call : List.<Runnable>of(() -> host.detachDisk(vmId, "xvdz"), () -> host.detachNic(vmId, "00:16:3e:99:99:99"),
                () -> host.changeMedium(vmId, new DiskSpec("xvdz", null, "raw", true, true)))) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(HypervisorException.class,
                    e -> assertThat(e.error()).isEqualTo(XenError.NOTFOUND));
        }
    }

    private List<ShutdownReason> listen() {
        List<ShutdownReason> heard = new CopyOnWriteArrayList<>();
        host.addListener((vmId, domid, reason) -> heard.add(reason));
        return heard;
    }
}
