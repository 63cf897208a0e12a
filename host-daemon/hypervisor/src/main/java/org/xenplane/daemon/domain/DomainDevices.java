package org.xenplane.daemon.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.xenplane.daemon.driver.DriverOperation;
import org.xenplane.daemon.protocol.DiskSpec;
import org.xenplane.daemon.protocol.DomainResult;
import org.xenplane.daemon.protocol.DomainSpec;
import org.xenplane.daemon.protocol.NicSpec;

/**
 * Changes to a running domain's resources: hot-plugged disks, CD media and NICs, whose kept spec
 * follows so that a reboot rebuilds the domain with them, and its memory target and online vCPUs.
 */
final class DomainDevices {
    private final HostDomains host;

    DomainDevices(HostDomains host) {
        this.host = host;
    }

    DomainResult plugDisk(String operationId, UUID vmId, DiskSpec disk) {
        return device(operationId, "plug disk " + disk.vdev() + " into " + vmId, vmId, DriverOperation.ATTACH_DISK,
                () -> host.driver.attachDisk(vmId, disk),
                spec -> spec.withDevices(with(spec.disks(), disk, DiskSpec::vdev), spec.nics()));
    }

    DomainResult unplugDisk(String operationId, UUID vmId, String vdev) {
        return device(operationId, "unplug disk " + vdev + " from " + vmId, vmId, DriverOperation.DETACH_DISK,
                () -> host.driver.detachDisk(vmId, vdev),
                spec -> spec.withDevices(spec.disks().stream().filter(d -> !d.vdev().equals(vdev)).toList(), spec.nics()));
    }

    DomainResult changeMedium(String operationId, UUID vmId, DiskSpec medium) {
        return device(operationId, "change medium of " + medium.vdev() + " in " + vmId, vmId, DriverOperation.CDROM_INSERT,
                () -> host.driver.changeMedium(vmId, medium),
                spec -> spec.withDevices(with(spec.disks(), medium, DiskSpec::vdev), spec.nics()));
    }

    DomainResult plugNic(String operationId, UUID vmId, NicSpec nic) {
        return device(operationId, "plug NIC " + nic.mac() + " into " + vmId, vmId, DriverOperation.ATTACH_NIC,
                () -> host.driver.attachNic(vmId, nic), spec -> spec.withDevices(spec.disks(), with(spec.nics(), nic, NicSpec::mac)));
    }

    DomainResult unplugNic(String operationId, UUID vmId, String mac) {
        return device(operationId, "unplug NIC " + mac + " from " + vmId, vmId, DriverOperation.DETACH_NIC,
                () -> host.driver.detachNic(vmId, mac),
                spec -> spec.withDevices(spec.disks(), spec.nics().stream().filter(n -> !n.mac().equals(mac)).toList()));
    }

    DomainResult setMemoryTarget(String operationId, UUID vmId, long bytes) {
        return host.once(operationId, "memory " + vmId + " " + bytes, vmId, () -> {
            host.driver.setMemoryTarget(vmId, bytes);
            return host.changed(host.current(vmId, DriverOperation.SET_MEMORY_TARGET));
        });
    }

    DomainResult setVcpusOnline(String operationId, UUID vmId, int online) {
        return host.once(operationId, "vcpus " + vmId + " " + online, vmId, () -> {
            host.driver.setVcpusOnline(vmId, online);
            return host.changed(host.current(vmId, DriverOperation.SET_VCPUS_ONLINE));
        });
    }

    private DomainResult device(String operationId, String operation, UUID vmId, DriverOperation driverOperation,
                                Runnable change, UnaryOperator<DomainSpec> remembered) {
        return host.once(operationId, operation, vmId, () -> {
            change.run();
            host.specs.update(vmId, remembered);
            return host.changed(host.current(vmId, driverOperation));
        });
    }

    /** The list with {@code item} in place of the element with the same key, or added at the end. */
    private static <T> List<T> with(List<T> list, T item, Function<T, String> key) {
        List<T> out = new ArrayList<>(list);
        out.removeIf(x -> key.apply(x).equals(key.apply(item)));
        out.add(item);
        return out;
    }
}
