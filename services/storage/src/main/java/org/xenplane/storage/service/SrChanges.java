package org.xenplane.storage.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.xenplane.core.task.TaskOutcome;
import org.xenplane.core.task.TaskRequest;
import org.xenplane.core.task.TaskResult;
import org.xenplane.core.task.TaskRunner;
import org.xenplane.core.task.TaskView;
import org.xenplane.storage.api.SrCreate;
import org.xenplane.storage.api.SrView;
import org.xenplane.storage.model.Sr;

/** Creating, introducing, forgetting, destroying, scanning and repairing SRs, each recorded as a task. */
@ApplicationScoped
public class SrChanges {
    private final SrService srs;
    private final SrScanner scanner;
    private final PbdService pbds;
    private final TaskRunner tasks;

    public SrChanges(SrService srs, SrScanner scanner, PbdService pbds, TaskRunner tasks) {
        this.srs = srs;
        this.scanner = scanner;
        this.pbds = pbds;
        this.tasks = tasks;
    }

    /** Creates an SR, or (introduce, adopt) records one whose storage exists; answers it. */
    public TaskOutcome<SrView> create(SrCreate body, SrOperation operation, String caller, String idempotencyKey) {
        TaskView task = tasks.run(new TaskRequest(operation, Sr.CLASS, body.id(), idempotencyKey), caller,
                ctx -> TaskResult.of(Sr.CLASS, srs.create(body, ctx, operation)));
        return new TaskOutcome<>(task, srs.get(task.result().id()));
    }

    public TaskView forget(UUID srId, String caller, String idempotencyKey) {
        return tasks.run(request(SrOperation.FORGET, srId, idempotencyKey), caller, ctx -> {
            srs.forget(srId);
            return TaskResult.NONE;
        });
    }

    public TaskView destroy(UUID srId, String caller, String idempotencyKey) {
        return tasks.run(request(SrOperation.DESTROY, srId, idempotencyKey), caller, ctx -> {
            srs.destroy(srId, ctx);
            return TaskResult.NONE;
        });
    }

    public TaskOutcome<SrView> scan(UUID srId, String caller, String idempotencyKey) {
        TaskView task = tasks.run(request(SrOperation.SCAN, srId, idempotencyKey), caller, ctx -> {
            scanner.scan(srId, ctx.taskId(), ctx.taskId() + "/scan");
            return TaskResult.of(Sr.CLASS, srId);
        });
        return new TaskOutcome<>(task, srs.get(srId));
    }

    public TaskOutcome<SrView> repair(UUID srId, String caller, String idempotencyKey) {
        TaskView task = tasks.run(request(SrOperation.REPAIR, srId, idempotencyKey), caller, ctx -> {
            srs.repair(srId, ctx, pbds);
            return TaskResult.of(Sr.CLASS, srId);
        });
        return new TaskOutcome<>(task, srs.get(srId));
    }

    private static TaskRequest request(SrOperation operation, UUID srId, String idempotencyKey) {
        return new TaskRequest(operation, Sr.CLASS, srId, idempotencyKey);
    }
}
