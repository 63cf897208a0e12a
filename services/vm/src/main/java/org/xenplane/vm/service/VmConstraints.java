package org.xenplane.vm.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.vm.model.Vm;

/** The rules a VM's settings obey (XenAPI's memory constraints and vCPU limits). */
@ApplicationScoped
public class VmConstraints {
    private final long minMemory;
    private final int maxVcpus;

    public VmConstraints(VmConfig config) {
        this.minMemory = config.minMemory();
        this.maxVcpus = config.maxVcpus();
    }

    public void check(Vm vm) {
        if (!(vm.memoryStaticMin <= vm.memoryDynamicMin && vm.memoryDynamicMin <= vm.memoryDynamicMax
                && vm.memoryDynamicMax <= vm.memoryStaticMax)) {
            throw memoryViolation(vm, "memoryStaticMin <= memoryDynamicMin <= memoryDynamicMax <= memoryStaticMax");
        }
        if (vm.memoryStaticMin < minMemory) {
            throw memoryViolation(vm, "memoryStaticMin >= " + minMemory);
        }
        if (vm.vcpusMax > maxVcpus) {
            throw new XenplaneException(ErrorCode.INVALID_FIELD, "vcpusMax", "at most " + maxVcpus);
        }
        if (vm.vcpusAtStartup > vm.vcpusMax) {
            throw new XenplaneException(ErrorCode.INVALID_FIELD, "vcpusAtStartup", "at most vcpusMax (" + vm.vcpusMax + ")");
        }
        if (vm.type().directKernelBoot() && (vm.kernel == null || vm.kernel.isBlank()) && !vm.isATemplate) {
            throw new XenplaneException(ErrorCode.INVALID_FIELD, "kernel", "a " + vm.domainType + " guest boots a kernel");
        }
    }

    private static XenplaneException memoryViolation(Vm vm, String constraint) {
        return new XenplaneException(ErrorCode.MEMORY_CONSTRAINT_VIOLATION, constraint, vm.memoryStaticMin,
                vm.memoryDynamicMin, vm.memoryDynamicMax, vm.memoryStaticMax);
    }
}
