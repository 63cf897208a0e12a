package org.xenplane.storage.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.xenplane.core.error.DatabaseFailures;
import org.xenplane.core.event.EventOperation;
import org.xenplane.core.task.EndedTasks;
import org.xenplane.storage.model.Sr;
import org.xenplane.storage.model.Vdi;

/**
 * VDIs still held ({@code current_operation}) by a task that has ended or no longer exists: what an
 * operation leaves when its server crashed while the daemon worked (the task itself is then finished
 * by the replica that takes it over, {@code TASK_OWNER_LOST}). What each hold means:
 * <ul>
 * <li>{@code create}, and the destination of a {@code copy}: a volume that may be half-made; volume and
 * record are removed (and the reservation given back);</li>
 * <li>{@code destroy}: the volume may be gone already; the destroy is finished (volume, record, VBDs);</li>
 * <li>anything else ({@code resize}, {@code snapshot}, {@code clone}, {@code coalesce}, an import,
 * an export, a copy's source): the hold is released and the SR's allocation counted again from its
 * records (what a resize or a fork had reserved); should the daemon have done the work, an
 * {@code sr.scan} brings the records in line with the volumes.</li>
 * </ul>
 */
@ApplicationScoped
public class StaleVdiHolds {
    private static final Logger LOG = Logger.getLogger(StaleVdiHolds.class);

    private final EntityManager em;
    private final VdiService vdis;
    private final VdiHolds holds;
    private final StorageRecords records;

    StaleVdiHolds(EntityManager em, VdiService vdis, VdiHolds holds, StorageRecords records) {
        this.records = records;
        this.em = em;
        this.vdis = vdis;
        this.holds = holds;
    }

    @Scheduled(every = "${xenplane.tasks.takeover-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void release() {
        DatabaseFailures.skippingOutage(() -> stale().forEach(this::releaseRow));
    }

    private void releaseRow(Object[] row) {
        UUID vdi = (UUID) row[0];
        String operation = (String) row[1];
        UUID task = (UUID) row[2];
        boolean unfinished = "create".equals(operation) || "destroy".equals(operation)
                || "copy".equals(operation) && !vdi.equals(row[3]);
        LOG.warnf("VDI %s was still held by %s of task %s, which has ended; %s", vdi, operation, task,
                unfinished ? "its volume and record are removed" : "it is released");
        if (!unfinished) {
            releaseAndRecount((UUID) row[4], vdi);
            return;
        }
        try {
            vdis.discard((UUID) row[4], vdi, task + "/" + operation + "/recovery");
        } catch (RuntimeException e) {
            LOG.warnf("Could not remove VDI %s yet (tried again later): %s", vdi, e.getMessage());
        }
    }

    /**
     * Releases the hold and counts the SR's allocation again from its records, unless another VDI of the
     * SR is changing now (its reservation is not in the records yet; the next release or scan counts).
     */
    private void releaseAndRecount(UUID srId, UUID vdiId) {
        QuarkusTransaction.requiringNew().run(() -> {
            Sr sr = Sr.findById(srId, LockModeType.PESSIMISTIC_WRITE);
            Vdi vdi = Vdi.findById(vdiId, LockModeType.PESSIMISTIC_WRITE);
            if (vdi != null) {
                holds.releaseIn(vdi);
            }
            if (sr != null && Vdi.count("srId = ?1 and currentOperation in ?2", srId, SrClaims.VOLUME_CHANGES) == 0) {
                sr.virtualAllocation = VdiService.allocation(srId);
                records.publish(sr, EventOperation.MOD);
            }
        });
    }

    /** id, operation, task, the task's target, SR of each held VDI whose task ended. */
    @SuppressWarnings("unchecked")
    private List<Object[]> stale() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select v.id, v.current_operation, v.current_task, t.target_id, v.sr_id
                from vdi v left join task t on t.id = v.current_task
                where v.current_task is not null and """ + EndedTasks.ENDED_OR_GONE + " limit 100")
                .setParameter(1, EndedTasks.GRACE_SECONDS).getResultList());
    }
}
