package org.xenplane.vm.service;

import java.time.Duration;
import java.util.UUID;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;

/** Hypervisor errors that mean something about the VM, as the VM's own error codes. */
final class DaemonErrors {
    private DaemonErrors() {
    }

    static boolean is(XenplaneException e, String libxlError) {
        return e.code() == ErrorCode.HYPERVISOR_ERROR && libxlError.equals(e.parameters().get("error"));
    }

    /** The domain is not on its host: {@code VM_MISSING}. */
    static boolean domainMissing(XenplaneException e) {
        return is(e, "ERROR_DOMAIN_NOTFOUND") || is(e, "ERROR_DOMAIN_DESTROYED");
    }

    static XenplaneException missing(UUID vmId, UUID hostId) {
        return new XenplaneException(ErrorCode.VM_MISSING, vmId, hostId);
    }

    static boolean guestTimedOut(XenplaneException e) {
        return is(e, "ERROR_GUEST_TIMEDOUT");
    }

    static String seconds(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + "s" : timeout.toMillis() + "ms";
    }
}
