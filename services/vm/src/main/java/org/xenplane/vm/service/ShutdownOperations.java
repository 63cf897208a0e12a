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

    private final ClaimedTasks claimed;
    private final VmDevices devices;
    private final Duration timeout;

    public ShutdownOperations(ClaimedTasks claimed, VmDevices devices, VmConfig config) {
        this.claimed = claimed;
        this.devices = devices;
        this.timeout = config.cleanShutdownTimeout();
    }

    public TaskView cleanShutdown(UUID vmId, String caller, String key) {
        return claimed.submit(VmOperation.CLEAN_SHUTDOWN, vmId, caller, key, ClaimedTasks.NO_RESERVATION,
                (claim, context) -> {
                    try {
                        claimed.daemon(claim.host()).cleanShutdown(claim.op("domain_shutdown"), vmId, timeout);
                    } catch (XenplaneException e) {
                        throw timedOut(claim, e, ErrorCode.VM_SHUTDOWN_TIMEOUT);
                    }
                    halted(claim, context);
                });
    }

    public TaskView hardShutdown(UUID vmId, String caller, String key) {
        return claimed.submit(VmOperation.HARD_SHUTDOWN, vmId, caller, key, ClaimedTasks.NO_RESERVATION,
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
        return claimed.submit(VmOperation.CLEAN_REBOOT, vmId, caller, key, ClaimedTasks.NO_RESERVATION,
                (claim, context) -> {
                    DomainResult rebooted;
                    try {
                        rebooted = claimed.daemon(claim.host()).cleanReboot(claim.op("domain_reboot"), vmId, timeout);
                    } catch (XenplaneException e) {
                        throw timedOut(claim, e, ErrorCode.VM_REBOOT_TIMEOUT);
                    }
                    claimed.transactions().succeed(claim, context, vm -> ClaimedTasks.metrics(vm, rebooted));
                });
    }

    /** Destroys the domain and builds it again on the same host, with the memory it already holds. */
    public TaskView hardReboot(UUID vmId, String caller, String key) {
        return claimed.submit(VmOperation.HARD_REBOOT, vmId, caller, key, ClaimedTasks.NO_RESERVATION,
                (claim, context) -> {
                    DaemonHost daemon = claimed.daemon(claim.host());
                    destroy(claim);
                    try {
                        // the disks stay attached on the host: attaching again answers their paths
                        DomainSpec spec = devices.attachDisks(claim.spec(), claim.host().id(), claim.op("vbd_attach"));
                        spec = devices.ensureNetworks(spec, claim.host().id());
                        DomainResult built = daemon.create(claim.op("domain_create"), spec, false);
                        claimed.transactions().succeed(claim, context, vm -> ClaimedTasks.resident(vm, claim.host(), built,
                                PowerState.RUNNING));
                    } catch (XenplaneException e) {
                        devices.detachDisks(vmId, claim.op("vbd_detach"));
                        claimed.transactions().finish(claim, vm -> {
                            ClaimedTasks.halted(vm);
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
        claimed.transactions().releaseIfTaskEnded(vmId);
        return claimed.run(VmOperation.POWER_STATE_RESET, vmId, caller, key, this::halted);
    }

    /** The domain is gone: the disks are detached, then the VM is recorded halted with its VIFs unattached. */
    private void halted(Claim claim, org.xenplane.core.task.TaskContext context) {
        devices.detachDisks(claim.vmId(), claim.op("vbd_detach"));
        claimed.transactions().succeed(claim, context, vm -> {
            ClaimedTasks.halted(vm);
            devices.setVifsAttached(vm.id, false);
        });
    }

    private void destroy(Claim claim) {
        try {
            claimed.daemon(claim.host()).destroy(claim.op("domain_destroy"), claim.vmId());
        } catch (XenplaneException e) {
            throw claimed.failed(claim, e);
        }
    }

    /** A suspended VM's hard shutdown discards its image; a host that cannot be reached keeps an orphan file. */
    private void forgetImage(Claim claim) {
        if (claim.host() == null) {
            return;
        }
        try {
            claimed.daemon(claim.host()).forgetImage(claim.vmId());
        } catch (XenplaneException e) {
            LOG.warnf("The suspend image of VM %s on host %s could not be deleted (%s); it is left there",
                    claim.vmId(), claim.host().name(), e.getMessage());
        }
    }

    private XenplaneException timedOut(Claim claim, XenplaneException e, ErrorCode code) {
        if (DaemonErrors.guestTimedOut(e)) {
            claimed.transactions().finish(claim, vm -> { });
            return new XenplaneException(code, claim.vmId(), DaemonErrors.seconds(timeout));
        }
        return claimed.failed(claim, e);
    }
}
