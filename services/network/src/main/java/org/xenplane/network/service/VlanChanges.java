package org.xenplane.network.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.xenplane.core.task.TaskRequest;
import org.xenplane.core.task.TaskResult;
import org.xenplane.core.task.TaskRunner;
import org.xenplane.core.task.TaskView;
import org.xenplane.network.model.Network;
import org.xenplane.network.model.Vlan;

/** Creating VLANs across the pool and destroying one, as tasks ({@link VlanService} does the work). */
@ApplicationScoped
public class VlanChanges {
    private final VlanService vlans;
    private final TaskRunner tasks;

    public VlanChanges(VlanService vlans, TaskRunner tasks) {
        this.vlans = vlans;
        this.tasks = tasks;
    }

    /** Starts creating the VLAN on every host with the device (the pending task; its result is the network). */
    public TaskView createAcrossPool(UUID networkId, String device, Integer tag, String caller, String idempotencyKey) {
        TaskRequest task = new TaskRequest(VlanOperation.CREATE, Network.CLASS, networkId, idempotencyKey);
        return tasks.submit(task, caller, ctx -> TaskResult.of(Network.CLASS, vlans.createAcrossPool(networkId, device, tag, ctx)));
    }

    public TaskView destroy(UUID vlanId, String caller, String idempotencyKey) {
        return tasks.run(new TaskRequest(VlanOperation.DESTROY, Vlan.CLASS, vlanId, idempotencyKey), caller, ctx -> {
            vlans.destroy(vlanId, ctx.taskId(), ctx.taskId().toString());
            return TaskResult.NONE;
        });
    }
}
