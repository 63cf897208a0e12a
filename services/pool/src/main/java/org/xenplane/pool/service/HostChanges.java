package org.xenplane.pool.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.xenplane.core.task.TaskOutcome;
import org.xenplane.core.task.TaskRequest;
import org.xenplane.core.task.TaskResult;
import org.xenplane.core.task.TaskRunner;
import org.xenplane.core.task.TaskView;
import org.xenplane.core.vm.HostEvacuation;
import org.xenplane.pool.api.HostView;
import org.xenplane.pool.model.Host;

/** The changes an administrator makes to a host (enable, disable, evacuate, maintenance, forget), each recorded as a task. */
@ApplicationScoped
public class HostChanges {
    private final HostService hosts;
    private final TaskRunner tasks;
    private final HostEvacuation evacuation;

    public HostChanges(HostService hosts, TaskRunner tasks, HostEvacuation evacuation) {
        this.hosts = hosts;
        this.tasks = tasks;
        this.evacuation = evacuation;
    }

    /** Enables or disables the host ({@link HostOperation#ENABLE} or {@link HostOperation#DISABLE}). */
    public TaskOutcome<HostView> setEnabled(UUID hostId, HostOperation operation, String caller, String idempotencyKey) {
        TaskView task = tasks.run(request(operation, hostId, idempotencyKey), caller, ctx -> {
            hosts.setEnabled(hostId, operation);
            return TaskResult.of(Host.CLASS, hostId);
        });
        return new TaskOutcome<>(task, hosts.get(hostId));
    }

    /**
     * Live-migrates every VM running on the host elsewhere (a task that ends when the last one has
     * moved, or with CANNOT_EVACUATE_HOST at the first that cannot); refused at once when the host
     * is not live (its VMs cannot be migrated from a host whose daemon does not answer).
     */
    public TaskView evacuate(UUID hostId, String caller, String idempotencyKey) {
        return tasks.submit(request(HostOperation.EVACUATE, hostId, idempotencyKey), caller,
                taskId -> hosts.assertAllowed(hostId, HostOperation.EVACUATE),
                ctx -> {
                    evacuation.evacuate(hostId, caller, ctx);
                    return TaskResult.of(Host.CLASS, hostId);
                });
    }

    /**
     * Maintenance mode as one durable task (XenCenter's "enter maintenance mode"): disabled in the
     * transaction that creates the task (refused at once when the host is not live, already in
     * maintenance, or when HA's plan forbids it), then evacuated; in maintenance once empty. When
     * the evacuation fails the task fails with its CANNOT_EVACUATE_HOST and the host stays disabled.
     */
    public TaskView enterMaintenance(UUID hostId, String caller, String idempotencyKey) {
        return tasks.submit(request(HostOperation.ENTER_MAINTENANCE, hostId, idempotencyKey), caller,
                taskId -> hosts.disableForMaintenance(hostId),
                ctx -> {
                    evacuation.evacuate(hostId, caller, ctx);
                    hosts.markInMaintenance(hostId);
                    return TaskResult.of(Host.CLASS, hostId);
                });
    }

    /** Ends maintenance: the host is enabled again. */
    public TaskOutcome<HostView> exitMaintenance(UUID hostId, String caller, String idempotencyKey) {
        TaskView task = tasks.run(request(HostOperation.EXIT_MAINTENANCE, hostId, idempotencyKey), caller, ctx -> {
            hosts.exitMaintenance(hostId);
            return TaskResult.of(Host.CLASS, hostId);
        });
        return new TaskOutcome<>(task, hosts.get(hostId));
    }

    /** Forgets a host that is not live. */
    public TaskView destroy(UUID hostId, String caller, String idempotencyKey) {
        return tasks.run(request(HostOperation.DESTROY, hostId, idempotencyKey), caller, ctx -> {
            hosts.destroy(hostId);
            return TaskResult.NONE;
        });
    }

    private static TaskRequest request(HostOperation operation, UUID hostId, String idempotencyKey) {
        return new TaskRequest(operation, Host.CLASS, hostId, idempotencyKey);
    }
}
