package org.xenplane.daemon.driver.simulator;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.xenplane.daemon.driver.HypervisorDriver;
import org.xenplane.daemon.driver.HypervisorDriverContract;
import org.xenplane.daemon.protocol.DiskSpec;
import org.xenplane.daemon.protocol.DomainSpec;
import org.xenplane.daemon.protocol.DomainType;
import org.xenplane.daemon.protocol.NicSpec;

/**
 * The driver contract, against the simulator: a persistent simulated host, whose domains are kept
 * in the test's directory and outlive a restarted driver, as Xen's outlive the daemon.
 */
class SimulatedHostContractTest extends HypervisorDriverContract {
    private static final SimulatorSettings SETTINGS = SimulatorSettings.host(8, 16384).withDom0Memory(1L << 30);
    private final SimulatedHost other = new SimulatedHost(SimulatorSettings.host(8, 16384), "test");
    private SimulatedHost host;

    @Override
    protected synchronized HypervisorDriver driver() {
        if (host == null) {
            host = open();
        }
        return host;
    }

    @Override
    protected synchronized HypervisorDriver restartDriver() {
        driver().close();
        host = open();
        return host;
    }

    private SimulatedHost open() {
        return SimulatedHost.persistent(SETTINGS, "test", workDir.resolve("simulated-host.json"));
    }

    @Override
    protected DomainSpec bootable(UUID vmId) {
        return spec(vmId);
    }

    @Override
    protected Optional<HypervisorDriver> secondHost() {
        return Optional.of(other);
    }

    @Override
    protected DiskSpec pluggableDisk(String vdev) {
        return new DiskSpec(vdev, "/var/lib/xen/" + vdev + ".img", "raw", false);
    }

    @Override
    protected NicSpec pluggableNic(String mac) {
        return new NicSpec(mac, "xenbr0");
    }

    static DomainSpec spec(UUID vmId) {
        return new DomainSpec(vmId, "guest", DomainType.PVH, 512L << 20, 512L << 20, 2, 2, "/boot/vmlinuz", null,
                "console=hvc0", null, Map.of(), List.of(new DiskSpec("xvda", "/var/lib/xen/guest.img", "raw", false)),
                List.of(new NicSpec("00:16:3e:00:00:01", "xenbr0")));
    }
}
