package org.xenplane.vm.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.task.TaskContext;
import org.xenplane.core.task.TaskRunner;
import org.xenplane.core.task.TaskStatus;
import org.xenplane.core.task.TaskView;
import org.xenplane.core.vm.HostEvacuation;
import org.xenplane.vm.model.Vm;

/**
 * The VM service's side of core's {@link HostEvacuation} seam ({@code host.evacuate}): the VMs that
 * run on the host, largest first (they are the hardest to place, so a host that cannot be emptied
 * says so before the easy ones have moved), each live-migrated through the normal migration path
 * to a host that placement chooses, one at a time. Each migration is its own task, as an
 * operator's would be; the evacuation waits for it, reports progress and stops at the first VM
 * that cannot leave.
 */
@ApplicationScoped
public class HostEvacuations implements HostEvacuation {
    private static final Logger LOG = Logger.getLogger(HostEvacuations.class);
    /** How long one migration may take before the evacuation gives up on it (the migration itself goes on). */
    private static final Duration EACH = Duration.ofMinutes(10);

    private final MigrateOperation migrations;
    private final TaskRunner tasks;

    public HostEvacuations(MigrateOperation migrations, TaskRunner tasks) {
        this.migrations = migrations;
        this.tasks = tasks;
    }

    /** Rounds of "move every VM on the host" before VMs that keep arriving make the evacuation fail. */
    private static final int ROUNDS = 3;

    /**
     * Moves every VM with a domain on the host, or on its way there (a start or migration that chose
     * the host before it was disabled), and looks again until none is left: a VM that landed while
     * the first ones moved is moved too, so that an emptied host is empty.
     */
    @Override
    public void evacuate(UUID hostId, String caller, TaskContext context) {
        int moved = 0;
        for (int round = 0; round < ROUNDS; round++) {
            List<Vm> vms = residents(hostId);
            if (vms.isEmpty()) {
                LOG.infof("Host %s evacuated: %d VM(s) moved", hostId, moved);
                return;
            }
            for (int i = 0; i < vms.size(); i++) {
                context.checkCancelled();
                if (moveAway(hostId, vms.get(i), caller)) {
                    moved++;
                }
                if (round == 0) {
                    context.progress((i + 1) / (double) vms.size());
                }
            }
        }
        List<Vm> left = residents(hostId);
        if (!left.isEmpty()) {
            throw cannot(hostId, left.get(0), "VMs kept arriving on the host while it was evacuated");
        }
    }

    /** Moves the VM away once its operation in progress (if any) is over; false when it is no longer on the host. */
    private boolean moveAway(UUID hostId, Vm listed, String caller) {
        Vm vm = settled(listed);
        if (vm == null || !hostId.equals(vm.residentOn) && !hostId.equals(vm.scheduledTo)) {
            return false;
        }
        TaskView migration;
        try {
            migration = migrations.migrateAway(vm.id, hostId, caller, null);
        } catch (XenplaneException e) {
            throw cannot(hostId, vm, e.code().name() + ": " + e.getMessage());
        }
        TaskView done = tasks.awaitFinished(migration.id(), EACH)
                .orElseThrow(() -> cannot(hostId, vm, "its migration (task " + migration.id() + ") did not finish within " + EACH));
        if (done.status() != TaskStatus.SUCCESS) {
            String why = done.error() == null ? String.valueOf(done.status()) : done.error().code();
            throw cannot(hostId, vm, why + " (task " + migration.id() + ")");
        }
        return true;
    }

    /** The VM as it is once the operation it was in when listed (a start landing here) has ended; null if it is gone. */
    private Vm settled(Vm listed) {
        if (listed.currentTask != null) {
            tasks.awaitFinished(listed.currentTask, EACH); // unfinished by then: the migration is refused, and says so
        }
        return QuarkusTransaction.requiringNew().call(() -> Vm.<Vm>findById(listed.id));
    }

    /** The VMs with a domain on the host or on their way to it, largest first. */
    private static List<Vm> residents(UUID hostId) {
        return QuarkusTransaction.requiringNew().call(() -> Vm.<Vm>list(
                        "(residentOn = ?1 or scheduledTo = ?1) and isATemplate = false and isASnapshot = false", hostId))
                .stream().sorted(Comparator.comparingLong((Vm v) -> v.memoryReserved).reversed()).toList();
    }

    private static XenplaneException cannot(UUID hostId, Vm vm, String reason) {
        return new XenplaneException(ErrorCode.CANNOT_EVACUATE_HOST, hostId, vm.name + " (" + vm.id + ")", reason);
    }
}
