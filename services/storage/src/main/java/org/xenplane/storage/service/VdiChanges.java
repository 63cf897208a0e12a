package org.xenplane.storage.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.xenplane.core.task.TaskOutcome;
import org.xenplane.core.task.TaskRequest;
import org.xenplane.core.task.TaskResult;
import org.xenplane.core.task.TaskRunner;
import org.xenplane.core.task.TaskView;
import java.io.InputStream;
import org.xenplane.core.task.OpenTask;
import org.xenplane.daemon.protocol.storage.ImageFormat;
import org.xenplane.storage.api.VdiCreate;
import org.xenplane.storage.api.VdiView;
import org.xenplane.storage.model.Sr;
import org.xenplane.storage.model.Vdi;

/**
 * The VDI operations, each as a task: quick ones finish in the request and answer the VDI, long
 * ones (resize, copy) are admitted and answer the pending task ({@link VdiService} and
 * {@link VdiTransfers} do the work).
 */
@ApplicationScoped
public class VdiChanges {
    private final VdiService vdis;
    private final VdiTransfers transfers;
    private final TaskRunner tasks;
    private final DefaultSr defaults;

    public VdiChanges(VdiService vdis, VdiTransfers transfers, TaskRunner tasks, DefaultSr defaults) {
        this.defaults = defaults;
        this.vdis = vdis;
        this.transfers = transfers;
        this.tasks = tasks;
    }

    /** vdi.create; a request without an SR goes to the pool's default SR ({@link DefaultSr}). */
    public TaskOutcome<VdiView> create(VdiCreate request, String caller, String idempotencyKey) {
        VdiCreate body = request.on(defaults.resolve(request.srId(), request.name()));
        TaskView task = tasks.run(new TaskRequest(VdiOperation.CREATE, Sr.CLASS, body.srId(), idempotencyKey), caller,
                ctx -> TaskResult.of(Vdi.CLASS, vdis.create(body, ctx.taskId(), ctx.taskId().toString())));
        return new TaskOutcome<>(task, vdis.get(task.result().id()));
    }

    public TaskView destroy(UUID vdiId, String caller, String idempotencyKey) {
        return tasks.run(request(VdiOperation.DESTROY, vdiId, idempotencyKey), caller, ctx -> {
            vdis.destroy(vdiId, ctx.taskId(), ctx.taskId().toString());
            return TaskResult.NONE;
        });
    }

    /** Refuses at once a size that is not valid or a VDI that is not there; otherwise the pending task. */
    public TaskView resize(UUID vdiId, Long virtualSize, String caller, String idempotencyKey) {
        vdis.validSize(virtualSize, "virtualSize");
        vdis.get(vdiId);
        return tasks.submit(request(VdiOperation.RESIZE, vdiId, idempotencyKey), caller,
                taskId -> vdis.admit(vdiId, VdiOperation.RESIZE), ctx -> {
                    vdis.resize(vdiId, virtualSize, ctx.taskId(), ctx.taskId().toString());
                    return TaskResult.of(Vdi.CLASS, vdiId);
                });
    }

    /** A snapshot (read-only) or a clone (writable) of the VDI; answers the new VDI. */
    public TaskOutcome<VdiView> fork(UUID vdiId, String name, boolean snapshot, String caller, String idempotencyKey) {
        TaskView task = tasks.run(request(snapshot ? VdiOperation.SNAPSHOT : VdiOperation.CLONE, vdiId, idempotencyKey),
                caller, ctx -> TaskResult.of(Vdi.CLASS, vdis.fork(vdiId, name, snapshot, ctx.taskId(), ctx.taskId().toString())));
        return new TaskOutcome<>(task, vdis.get(task.result().id()));
    }

    /** Refuses at once a VDI that is not there; otherwise the pending task, whose result is the copy. */
    public TaskView copy(UUID vdiId, UUID srId, String name, String caller, String idempotencyKey) {
        vdis.get(vdiId);
        return tasks.submit(request(VdiOperation.COPY, vdiId, idempotencyKey), caller,
                taskId -> vdis.admit(vdiId, VdiOperation.COPY),
                ctx -> TaskResult.of(Vdi.CLASS, transfers.copy(vdiId, srId, name, ctx)));
    }

    public TaskOutcome<VdiView> importContent(UUID vdiId, ImageFormat format, long bytes, InputStream body, String caller,
                                              String idempotencyKey) {
        TaskView task = tasks.run(request(VdiOperation.IMPORT, vdiId, idempotencyKey), caller, ctx -> {
            transfers.importContent(vdiId, format, bytes, body, ctx);
            return TaskResult.of(Vdi.CLASS, vdiId);
        });
        return new TaskOutcome<>(task, vdis.get(vdiId));
    }

    /** Checks the VDI can be exported and opens its task; the caller streams and finishes it. */
    public OpenTask openExport(UUID vdiId, String caller) {
        transfers.checkExport(vdiId);
        return tasks.open(new TaskRequest(VdiOperation.EXPORT, Vdi.CLASS, vdiId, null), caller);
    }

    private static TaskRequest request(VdiOperation operation, UUID vdiId, String idempotencyKey) {
        return new TaskRequest(operation, Vdi.CLASS, vdiId, idempotencyKey);
    }
}
