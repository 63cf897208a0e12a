package org.xenplane.network.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.xenplane.core.task.TaskOutcome;
import org.xenplane.core.task.TaskRequest;
import org.xenplane.core.task.TaskResult;
import org.xenplane.core.task.TaskRunner;
import org.xenplane.core.task.TaskView;
import java.util.List;
import org.xenplane.daemon.protocol.network.IpConfig;
import org.xenplane.network.api.PifView;
import org.xenplane.network.model.Pif;

/** Scanning a host's interfaces and reconfiguring a PIF's IP, each recorded as a task. */
@ApplicationScoped
public class PifChanges {
    private final PifService pifs;
    private final PifDiscovery discovery;
    private final TaskRunner tasks;

    public PifChanges(PifService pifs, PifDiscovery discovery, TaskRunner tasks) {
        this.pifs = pifs;
        this.discovery = discovery;
        this.tasks = tasks;
    }

    /** Brings the host's PIFs up to date with what its daemon reports; answers them. */
    public TaskOutcome<List<PifView>> scan(UUID hostId, String caller, String idempotencyKey) {
        AtomicReference<List<PifView>> scanned = new AtomicReference<>();
        TaskView task = tasks.run(new TaskRequest(PifOperation.SCAN, "host", hostId, idempotencyKey), caller, ctx -> {
            scanned.set(discovery.scan(hostId));
            return TaskResult.of("host", hostId);
        });
        return new TaskOutcome<>(task, scanned.get() != null ? scanned.get() : pifs.list(hostId));
    }

    public TaskOutcome<PifView> reconfigureIp(UUID pifId, IpConfig config, String caller, String idempotencyKey) {
        AtomicReference<PifView> done = new AtomicReference<>();
        TaskView task = tasks.run(new TaskRequest(PifOperation.RECONFIGURE_IP, Pif.CLASS, pifId, idempotencyKey), caller,
                ctx -> {
                    done.set(pifs.reconfigureIp(pifId, config, ctx.taskId(), ctx.taskId().toString()));
                    return TaskResult.of(Pif.CLASS, pifId);
                });
        return new TaskOutcome<>(task, done.get() != null ? done.get() : pifs.get(pifId));
    }
}
