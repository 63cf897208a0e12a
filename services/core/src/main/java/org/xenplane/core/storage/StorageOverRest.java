package org.xenplane.core.storage;

import static org.xenplane.core.rest.ServiceCalls.body;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.rest.ServiceCalls;
import org.xenplane.core.task.TaskContext;

/**
 * The {@link VmStorage} of a VM service that runs apart from the storage service: each call is
 * the storage service's REST "storage half" ({@code /api/v1/vbds/attach-vm}, {@code detach-vm},
 * {@code move-vm}, {@code clone-vm}, {@code destroy-vm}), authenticated with the VM service's
 * own credential and keyed by the step's operation id ({@code Idempotency-Key}), so a retried step
 * does its work once. The storage service's refusals come back as the same error codes; an
 * unreachable storage service is {@code STORAGE_SERVICE_UNAVAILABLE}. No call is made inside a
 * database transaction: placement's check accepts every host (attach-vm and move-vm refuse a host
 * without the SRs, {@code SR_NOT_ATTACHED}), the admission holds nothing (attach-vm locks and
 * checks every disk in one transaction of the storage service), and the VMs with attached disks
 * are asked ({@code attached-vms}) only outside a transaction.
 */
public class StorageOverRest implements VmStorage {
    private static final String TASK_HEADER = "Xenplane-Task";
    private static final int TASK_WAIT_SECONDS = 30;

    /** The most VMs one {@code attached-vms} call asks about (the storage service's limit). */
    private static final int ASK_AT_ONCE = 500;

    private final ServiceCalls calls;
    private final TransactionSynchronizationRegistry transactions;

    public StorageOverRest(ServiceCalls calls, TransactionSynchronizationRegistry transactions) {
        this.calls = calls;
        this.transactions = transactions;
    }

    @Override
    public List<VmDisk> attachDisks(UUID vmId, UUID hostId, String operationId) {
        return disks(calls.post(vmId, "/api/v1/vbds/attach-vm", body("vmId", vmId, "hostId", hostId), operationId).body());
    }

    @Override
    public void assertHostCanAttach(UUID vmId, UUID hostId) {
        // asked in placement's transaction: no call here; attach-vm and move-vm refuse a host without the SRs
    }

    @Override
    public void holdDisksForAttach(UUID vmId) {
        // another process's rows cannot join the admission's transaction: attach-vm's own locked check decides
    }

    @Override
    public Set<UUID> vmsWithAttachedDisks(Collection<UUID> vmIds) {
        if (vmIds.isEmpty() || transactions.getTransactionKey() != null) {
            return Set.of(); // in a transaction no call: the storage service's clone-vm refuses an attached disk
        }
        List<UUID> all = List.copyOf(vmIds);
        Set<UUID> attached = new HashSet<>();
        for (int from = 0; from < all.size(); from += ASK_AT_ONCE) {
            List<UUID> some = all.subList(from, Math.min(all.size(), from + ASK_AT_ONCE));
            for (JsonNode id : calls.read(null, calls.post(null, "/api/v1/vbds/attached-vms", body("vmIds", some), null)
                    .body()).path("vmIds")) {
                attached.add(UUID.fromString(id.asText()));
            }
        }
        return attached;
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

    /** Not over REST yet: refused when there is a disk to make, so that no VM is made without the disks it asked for. */
    @Override
    public void provisionDisks(UUID vmId, List<DiskProvision> disks, TaskContext context) {
        if (!disks.isEmpty()) {
            throw new XenplaneException(ErrorCode.STORAGE_SERVICE_UNAVAILABLE, vmId,
                    "a VM service apart from the storage service does not provision disks yet; create the VM with provision: false");
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
