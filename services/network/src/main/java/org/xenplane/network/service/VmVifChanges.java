package org.xenplane.network.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.xenplane.core.network.Nic;
import org.xenplane.core.task.TaskRequest;
import org.xenplane.core.task.TaskResult;
import org.xenplane.core.task.TaskRunner;

/**
 * The network half of the VM service's operations (start, migrate, clone, destroy) when it calls
 * over REST, each recorded as a task ({@link NetworkingForVms} does the work).
 */
@ApplicationScoped
public class VmVifChanges {
    private static final String VM = "vm";

    private final NetworkingForVms networking;
    private final TaskRunner tasks;

    public VmVifChanges(NetworkingForVms networking, TaskRunner tasks) {
        this.networking = networking;
        this.tasks = tasks;
    }

    /** Makes the VM's networks on the host; answers its NICs. */
    public List<Nic> ensure(UUID vmId, UUID hostId, String caller, String idempotencyKey) {
        AtomicReference<List<Nic>> nics = new AtomicReference<>();
        tasks.run(request(VmVifOperation.ENSURE, vmId, idempotencyKey), caller, ctx -> {
            nics.set(networking.ensureNetworksOnHost(vmId, hostId));
            return TaskResult.NONE;
        });
        return nics.get() != null ? nics.get() : networking.nicsForVm(vmId);
    }

    /** Marks the VM's VIFs attached or not; answers its NICs. */
    public List<Nic> markAttached(UUID vmId, boolean attached, String caller, String idempotencyKey) {
        tasks.run(request(VmVifOperation.MARK_ATTACHED, vmId, idempotencyKey), caller, ctx -> {
            networking.setVifsAttached(vmId, attached);
            return TaskResult.NONE;
        });
        return networking.nicsForVm(vmId);
    }

    /** Copies the VM's VIFs to a new VM; answers how many were made. */
    public int copy(UUID vmId, UUID toVm, String caller, String idempotencyKey) {
        AtomicReference<Integer> count = new AtomicReference<>(0);
        tasks.run(request(VmVifOperation.COPY, vmId, idempotencyKey), caller, ctx -> {
            count.set(networking.copyVifs(vmId, toVm));
            return TaskResult.NONE;
        });
        return count.get();
    }

    /** Destroys the VM's VIFs; answers how many were removed. */
    public int destroy(UUID vmId, String caller, String idempotencyKey) {
        AtomicReference<Integer> count = new AtomicReference<>(0);
        tasks.run(request(VmVifOperation.DESTROY, vmId, idempotencyKey), caller, ctx -> {
            count.set(networking.destroyVifs(vmId));
            return TaskResult.NONE;
        });
        return count.get();
    }

    private static TaskRequest request(VmVifOperation operation, UUID vmId, String idempotencyKey) {
        return new TaskRequest(operation, VM, vmId, idempotencyKey);
    }
}
