package org.xenplane.vm.service;

import java.util.UUID;
import org.xenplane.core.daemon.HostRef;
import org.xenplane.daemon.protocol.DomainSpec;
import org.xenplane.vm.model.PowerState;

/**
 * What an admitted operation holds once its VM is claimed: the VM's domain spec and state at
 * admission, the host its domain is on (or its suspend image), and the host memory was reserved on.
 *
 * @param host   where the VM's domain (or suspend image) is, or null
 * @param target where memory was reserved for this operation (start, resume, migration), or null
 */
public record Claim(UUID taskId, UUID vmId, VmOperation operation, DomainSpec spec, PowerState before,
                    HostRef host, HostRef target, java.util.concurrent.atomic.AtomicBoolean finished) {

    public Claim(UUID taskId, UUID vmId, VmOperation operation, DomainSpec spec, PowerState before, HostRef host,
                 HostRef target) {
        this(taskId, vmId, operation, spec, before, host, target, new java.util.concurrent.atomic.AtomicBoolean());
    }

    /** The daemon operation id of one step of this task: the task's id and the step's name. */
    public String op(String step) {
        return taskId + "/" + step;
    }
}
