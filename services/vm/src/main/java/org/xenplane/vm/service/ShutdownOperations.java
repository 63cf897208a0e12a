package org.xenplane.vm.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.xenplane.core.daemon.DaemonHost;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.task.TaskView;
import org.xenplane.daemon.protocol.DomainResult;
import org.xenplane.daemon.protocol.DomainSpec;
import org.xenplane.vm.model.PowerState;

/**
 * Clean and hard shutdown, clean and hard reboot. A clean shutdown or reboot asks the guest and
 * waits up to {@code xenplane.vm.clean-shutdown-timeout}; a guest that does not oblige leaves the
 * VM running and the task fails with {@code VM_SHUTDOWN_TIMEOUT} ({@code VM_REBOOT_TIMEOUT}):
 * the caller may then use the hard variant.
 */
@ApplicationScoped
public class ShutdownOperations {
    private static final Logger LOG = Logger.getLogger(ShutdownOperations.class);

    private final LifecycleSupport support;
    private final VmDevices devices;
    private final Duration timeout;

    public ShutdownOperations(LifecycleSupport support, VmDevices devices, VmConfig config) {
        this.support = support;
        this.devices = devices;
        this.timeout = config.cleanShutdownTimeout();
    }

    public TaskView cleanShutdown(UUID vmId, String caller, String key) {
        return support.submit(VmOperation.CLEAN_SHUTDOWN, vmId, caller, key, LifecycleSupport.NO_RESERVATION,
                (claim, context) -> {
                    try {
                        support.daemon(claim.host()).cleanShutdown(claim.op("domain_shutdown"), vmId, timeout);
                    } catch (XenplaneException e) {
                        throw timedOut(claim, e, ErrorCode.VM_SHUTDOWN_TIMEOUT);
                    }
                    halted(claim, context);
                });
    }

    public TaskView hardShutdown(UUID vmId, String caller, String key) {
        return support.submit(VmOperation.HARD_SHUTDOWN, vmId, caller, key, LifecycleSupport.NO_RESERVATION,
                (claim, context) -> {
                    if (claim.before() == PowerState.SUSPENDED) {
                        forgetImage(claim);
                    } else {
                        destroy(claim);
                    }
                    halted(claim, context);
                });
    }

    public TaskView cleanReboot(UUID vmId, String caller, String key) {
        return support.submit(VmOperation.CLEAN_REBOOT, vmId, caller, key, LifecycleSupport.NO_RESERVATION,
                (claim, context) -> {
                    DomainResult rebooted;
                    try {
                        rebooted = support.daemon(claim.host()).cleanReboot(claim.op("domain_reboot"), vmId, timeout);
                    } catch (XenplaneException e) {
                        throw timedOut(claim, e, ErrorCode.VM_REBOOT_TIMEOUT);
                    }
                    support.store().succeed(claim, context, vm -> LifecycleSupport.metrics(vm, rebooted));
                });
    }

    /** Destroys the domain and builds it again on the same host, with the memory it already holds. */
    public TaskView hardReboot(UUID vmId, String caller, String key) {
        return support.submit(VmOperation.HARD_REBOOT, vmId, caller, key, LifecycleSupport.NO_RESERVATION,
                (claim, context) -> {
                    DaemonHost daemon = support.daemon(claim.host());
                    destroy(claim);
                    try {
                        // the disks stay attached on the host: attaching again answers their paths
                        DomainSpec spec = devices.attachDisks(claim.spec(), claim.host().id(), claim.op("vbd_attach"));
                        spec = devices.ensureNetworks(spec, claim.host().id());
                        DomainResult built = daemon.create(claim.op("domain_create"), spec, false);
                        support.store().succeed(claim, context, vm -> LifecycleSupport.resident(vm, claim.host(), built,
                                PowerState.RUNNING));
                    } catch (XenplaneException e) {
                        devices.detachDisks(vmId, claim.op("vbd_detach"));
                        support.store().finish(claim, vm -> {
                            LifecycleSupport.halted(vm);
                            devices.setVifsAttached(vmId, false);
                        });
                        throw e;
                    }
                });
    }

    /**
     * XenAPI's {@code VM.power_state_reset}: the VM's host is not live, so nothing can stop or see its
     * domain; the VM is recorded halted as a hard shutdown would leave it (its memory on the host
     * released, its disks detached in the records, their volumes left to the host). Only with
     * {@code force}: should the host still run the domain, the VM could then run twice. A claim left
     * by a task that has ended is cleared first.
     */
    public TaskView resetPowerState(UUID vmId, boolean force, String caller, String key) {
        if (!force) {
            throw new XenplaneException(ErrorCode.INVALID_FIELD, "force", "must be true: resetting the power state only "
                    + "changes the records, and if the host still runs the VM's domain the VM may end up running twice; "
                    + "make sure the host is down, then send {\"force\": true}");
        }
        support.store().releaseIfTaskEnded(vmId);
        return support.run(VmOperation.POWER_STATE_RESET, vmId, caller, key, this::halted);
    }

    /** The domain is gone: the disks are detached, then the VM is recorded halted with its VIFs unattached. */
    private void halted(Claim claim, org.xenplane.core.task.TaskContext context) {
        devices.detachDisks(claim.vmId(), claim.op("vbd_detach"));
        support.store().succeed(claim, context, vm -> {
            LifecycleSupport.halted(vm);
            devices.setVifsAttached(vm.id, false);
        });
    }

    private void destroy(Claim claim) {
        try {
            support.daemon(claim.host()).destroy(claim.op("domain_destroy"), claim.vmId());
        } catch (XenplaneException e) {
            throw support.failed(claim, e);
        }
    }

    /** A suspended VM's hard shutdown discards its image; a host that cannot be reached keeps an orphan file. */
    private void forgetImage(Claim claim) {
        if (claim.host() == null) {
            return;
        }
        try {
            support.daemon(claim.host()).forgetImage(claim.vmId());
        } catch (XenplaneException e) {
            LOG.warnf("The suspend image of VM %s on host %s could not be deleted (%s); it is left there",
                    claim.vmId(), claim.host().name(), e.getMessage());
        }
    }

    private XenplaneException timedOut(Claim claim, XenplaneException e, ErrorCode code) {
        if (DaemonErrors.guestTimedOut(e)) {
            support.store().finish(claim, vm -> { });
            return new XenplaneException(code, claim.vmId(), DaemonErrors.seconds(timeout));
        }
        return support.failed(claim, e);
    }
}
