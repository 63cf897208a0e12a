package org.xenplane.core.vm;

import java.util.UUID;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;

/**
 * Whether a VM has a domain now, as a device's operations need to know: hot-plug and hot-unplug
 * act on the running (or paused) domain, so a VM without one refuses them with VM_BAD_POWER_STATE.
 *
 * @param host       the host the domain runs on, or null when the VM has none
 * @param powerState the VM's power state, for the error
 */
public record VmDomain(UUID vmId, UUID host, String powerState) {

    /** The VM's domain now, as {@code vms} answers. */
    public static VmDomain of(VmDomains vms, UUID vmId) {
        return new VmDomain(vmId, vms.residentHost(vmId).orElse(null), vms.powerState(vmId));
    }

    public boolean exists() {
        return host != null;
    }

    /** The refusal of a hot-plug or hot-unplug into a VM without a domain. */
    public XenplaneException noDomain() {
        return new XenplaneException(ErrorCode.VM_BAD_POWER_STATE, vmId, "running", powerState);
    }
}
