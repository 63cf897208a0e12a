package org.xenplane.network.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.xenplane.core.task.TaskOutcome;
import org.xenplane.core.task.TaskRequest;
import org.xenplane.core.task.TaskResult;
import org.xenplane.core.task.TaskRunner;
import org.xenplane.core.task.TaskView;
import org.xenplane.core.security.DeclaredOperation;
import org.xenplane.network.api.NetworkCreate;
import org.xenplane.network.api.NetworkUpdate;
import org.xenplane.network.api.NetworkView;
import org.xenplane.network.model.Network;

/** Creating, changing and destroying networks, and their VLANs pool-wide, each as a task. */
@ApplicationScoped
public class NetworkChanges {
    private final NetworkService networks;
    private final VlanService vlans;
    private final TaskRunner tasks;

    public NetworkChanges(NetworkService networks, VlanService vlans, TaskRunner tasks) {
        this.networks = networks;
        this.vlans = vlans;
        this.tasks = tasks;
    }

    /** Creates a network; on a replayed key, the network the original call made. */
    public TaskOutcome<NetworkView> create(NetworkCreate request, String caller, String idempotencyKey) {
        AtomicReference<NetworkView> created = new AtomicReference<>();
        TaskView task = tasks.run(request(NetworkOperation.CREATE, null, idempotencyKey), caller, ctx -> {
            created.set(networks.create(request));
            return TaskResult.of(Network.CLASS, created.get().id());
        });
        return new TaskOutcome<>(task, created.get() != null ? created.get() : networks.get(task.result().id()));
    }

    public TaskOutcome<NetworkView> update(UUID networkId, NetworkUpdate update, String caller, String idempotencyKey) {
        TaskView task = tasks.run(request(NetworkOperation.UPDATE, networkId, idempotencyKey), caller, ctx -> {
            networks.update(networkId, update);
            return TaskResult.of(Network.CLASS, networkId);
        });
        return new TaskOutcome<>(task, networks.get(networkId));
    }

    /** Refuses at once a network still in use; otherwise starts destroying it (the pending task). */
    public TaskView destroy(UUID networkId, String caller, String idempotencyKey) {
        networks.assertDestroyable(networkId);
        return tasks.submit(request(NetworkOperation.DESTROY, networkId, idempotencyKey), caller, ctx -> {
            networks.destroy(networkId, ctx);
            return TaskResult.NONE;
        });
    }

    /** Starts destroying the network's VLANs on every host (the pending task). */
    public TaskView destroyVlans(UUID networkId, String caller, String idempotencyKey) {
        networks.get(networkId);
        return tasks.submit(request(VlanOperation.DESTROY, networkId, idempotencyKey), caller, ctx -> {
            vlans.destroyOnNetwork(networkId, ctx);
            return TaskResult.of(Network.CLASS, networkId);
        });
    }

    private static TaskRequest request(DeclaredOperation operation, UUID networkId, String idempotencyKey) {
        return new TaskRequest(operation, Network.CLASS, networkId, idempotencyKey);
    }
}
