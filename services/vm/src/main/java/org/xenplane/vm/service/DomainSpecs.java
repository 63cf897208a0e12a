package org.xenplane.vm.service;

import java.util.List;
import org.xenplane.daemon.protocol.DomainSpec;
import org.xenplane.vm.model.Vm;

/** What a host needs to build a VM's domain. */
public final class DomainSpecs {
    private DomainSpecs() {
    }

    /** The VM's domain: it starts with its dynamic maximum and its vCPUs at startup online. */
    public static DomainSpec of(Vm vm) {
        return new DomainSpec(vm.id, vm.name, vm.type(), vm.memoryStaticMax, vm.memoryDynamicMax, vm.vcpusMax,
                vm.vcpusAtStartup, vm.kernel, vm.ramdisk, vm.cmdline, vm.bootOrder, vm.platform, List.of(), List.of());
    }
}
