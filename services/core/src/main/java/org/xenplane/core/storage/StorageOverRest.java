package org.xenplane.core.storage;

import static org.xenplane.core.rest.ServiceCalls.body;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.xenplane.core.rest.ServiceCalls;
import org.xenplane.core.task.TaskContext;

/**
 * The {@link VmStorage} of a VM service that runs apart from the storage service: each call is
 * the storage service's REST "storage half" ({@code /api/v1/vbds/attach-vm}, {@code detach-vm},
 * {@code move-vm}, {@code clone-vm}, {@code destroy-vm}), authenticated with the VM service's
 * own credential and keyed by the step's operation id ({@code Idempotency-Key}), so a retried step
 * does its work once. The storage service's refusals come back as the same error codes; an
 * unreachable storage service is {@code STORAGE_SERVICE_UNAVAILABLE}.
 */
public class StorageOverRest implements VmStorage {
    private static final String TASK_HEADER = "Xenplane-Task";
    private static final int TASK_WAIT_SECONDS = 30;

    private final ServiceCalls calls;
    private final UnpluggedSrs unplugged;

    public StorageOverRest(ServiceCalls calls, UnpluggedSrs unplugged) {
        this.calls = calls;
        this.unplugged = unplugged;
    }

    @Override
    public List<VmDisk> attachDisks(UUID vmId, UUID hostId, String operationId) {
        return disks(calls.post(vmId, "/api/v1/vbds/attach-vm", body("vmId", vmId, "hostId", hostId), operationId).body());
    }

    @Override
    public void assertHostCanAttach(UUID vmId, UUID hostId) {
        unplugged.assertNoneFor(vmId, hostId);
    }

    @Override
    public void detachDisks(UUID vmId, String operationId) {
        calls.post(vmId, "/api/v1/vbds/detach-vm", body("vmId", vmId), operationId);
    }

    @Override
    public List<VmDisk> prepareMove(UUID vmId, UUID toHost, String operationId) {
        return disks(calls.post(vmId, "/api/v1/vbds/move-vm", body("vmId", vmId, "hostId", toHost, "step", "prepare"),
                operationId).body());
    }

    @Override
    public void completeMove(UUID vmId, UUID toHost, String operationId) {
        calls.post(vmId, "/api/v1/vbds/move-vm", body("vmId", vmId, "hostId", toHost, "step", "complete"), operationId);
    }

    @Override
    public void abortMove(UUID vmId, UUID toHost, String operationId) {
        calls.post(vmId, "/api/v1/vbds/move-vm", body("vmId", vmId, "hostId", toHost, "step", "abort"), operationId);
    }

    @Override
    public void cloneDisks(UUID vmId, UUID newVmId, CloneMode mode, TaskContext context) {
        HttpResponse<String> accepted = calls.post(vmId, "/api/v1/vbds/clone-vm",
                body("vmId", vmId, "newVmId", newVmId, "mode", mode.name().toLowerCase(Locale.ROOT)),
                context.taskId() + "/clone-vm");
        String task = accepted.headers().firstValue(TASK_HEADER).orElseThrow(() ->
                calls.unavailable(vmId, "clone-vm answered without a task"));
        while (true) {
            context.checkCancelled();
            JsonNode finished = calls.read(vmId, calls.get(vmId, "/api/v1/tasks/" + task + "?wait=" + TASK_WAIT_SECONDS,
                    Duration.ofSeconds(TASK_WAIT_SECONDS)).body());
            switch (finished.path("status").asText()) {
                case "success" -> {
                    return;
                }
                case "failure", "cancelled" -> throw calls.refusal(vmId, finished.path("error"));
                default -> context.progress(finished.path("progress").asDouble());
            }
        }
    }

    @Override
    public void destroyVbds(UUID vmId, boolean destroyDisks, TaskContext context) {
        calls.post(vmId, "/api/v1/vbds/destroy-vm", body("vmId", vmId, "destroyDisks", destroyDisks),
                context.taskId() + "/destroy-vm");
    }

    private List<VmDisk> disks(String body) {
        List<VmDisk> disks = new ArrayList<>();
        for (JsonNode d : calls.read(null, body)) {
            disks.add(new VmDisk(UUID.fromString(d.path("vbdId").asText()), d.path("device").asText(),
                    "RO".equals(d.path("mode").asText()), "CD".equals(d.path("type").asText()),
                    d.hasNonNull("path") ? d.get("path").asText() : null,
                    d.hasNonNull("format") ? d.get("format").asText() : null));
        }
        return disks;
    }
}
