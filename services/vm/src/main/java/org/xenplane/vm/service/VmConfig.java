package org.xenplane.vm.service;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** The vm service's settings, {@code xenplane.vm.*}; defaults in META-INF/microprofile-config.properties. */
@ConfigMapping(prefix = "xenplane.vm")
public interface VmConfig {

    /** Bytes of each host's memory kept for dom0 and Xen, never given to guests by placement. */
    long hostMemoryReserve();

    /** How long a clean shutdown or reboot waits for the guest; then it fails and the VM keeps running. */
    Duration cleanShutdownTimeout();

    /** The most vCPUs a VM may have. */
    int maxVcpus();

    /** The least memory (static minimum) a VM may have, in bytes. */
    long minMemory();

    /**
     * How long a host must have been silent (no heartbeat, and not live) before the VMs recorded
     * on it are shown with {@code powerStateUncertain}: its daemon cannot say whether they still run.
     */
    Duration deadHostAfter();

    Reconcile reconcile();

    /** What reconciliation does with what hosts report. */
    interface Reconcile {
        /** Destroy domains that belong to no VM (false: report them once and leave them alone). */
        boolean destroyUnknownDomains();
    }
}
