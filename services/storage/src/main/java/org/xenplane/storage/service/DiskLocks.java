package org.xenplane.storage.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.storage.model.Vbd;
import org.xenplane.storage.model.Vdi;

/**
 * The one lock order for deciding whether a disk is in use: VDI rows first (in id order), then
 * their VBD rows, both for update; an SR's row, when an operation needs it, before both; a PBD's
 * row after the SR's (PBD plug) or after the VBDs (an attach share-locks the PBD it needs). Every
 * transaction that checks or changes a disk's use takes its locks here: VM start's attach (and
 * plug, CD insert), and VDI destroy, resize, snapshot, clone, copy, import and export. Two of them
 * on one disk therefore queue on the VDI's row instead of deadlocking. The admission of a VM start
 * share-locks the VM's VBD rows ({@link VbdHolds}); an operation that needs the disk free asks, with
 * the VBDs locked, whether their VMs are attaching them ({@code StorageViews.vdiState}).
 */
@ApplicationScoped
public class DiskLocks {
    private final StorageRecords records;

    public DiskLocks(StorageRecords records) {
        this.records = records;
    }

    /** Locks the VDI and then its VBDs; answers the VDI (its state: {@code StorageViews.vdiState}). */
    public Vdi lockVdi(UUID id) {
        Vdi vdi = records.vdi(id, LockModeType.PESSIMISTIC_WRITE);
        Vbd.find("vdiId = ?1 order by id", id).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        return vdi;
    }

    /** A VM's VBDs (or only {@code vbdId}) and their VDIs, locked in the one order. */
    public record Locked(List<Vbd> vbds, List<Vdi> vdis) {
        Vdi vdiOf(Vbd vbd) {
            return vdis.stream().filter(v -> v.id.equals(vbd.vdiId)).findFirst().orElse(null);
        }
    }

    /**
     * Locks the VDIs of the VM's VBDs (or of VBD {@code vbdId} alone) in id order, then the VBDs.
     * The VDIs are read first without a lock; should a VBD have been given another VDI in between
     * (a CD insert, a new VBD), the VM's disks are refused as busy rather than locked out of order.
     */
    public Locked lockVmDisks(UUID vmId, UUID vbdId) {
        TreeSet<UUID> expected = new TreeSet<>(vbdId != null
                ? Vbd.find("select b.vdiId from Vbd b where b.id = ?1 and b.vdiId is not null", vbdId).project(UUID.class).list()
                : Vbd.find("select b.vdiId from Vbd b where b.vmId = ?1 and b.vdiId is not null", vmId).project(UUID.class).list());
        List<Vdi> vdis = new ArrayList<>();
        for (UUID id : expected) {
            Vdi vdi = Vdi.findById(id, LockModeType.PESSIMISTIC_WRITE);
            if (vdi != null) {
                vdis.add(vdi);
            }
        }
        List<Vbd> vbds = vbdId != null ? List.of(records.vbd(vbdId, LockModeType.PESSIMISTIC_WRITE))
                : Vbd.<Vbd>find("vmId = ?1 order by userdevice", vmId).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        if (!vdis.stream().map(v -> v.id).toList().containsAll(vdiIds(vbds))) {
            throw new XenplaneException(ErrorCode.OTHER_OPERATION_IN_PROGRESS, Vbd.CLASS, vbdId != null ? vbdId : vmId,
                    "a change of its disks");
        }
        return new Locked(vbds, vdis);
    }

    private static TreeSet<UUID> vdiIds(List<Vbd> vbds) {
        TreeSet<UUID> ids = new TreeSet<>();
        vbds.stream().map(b -> b.vdiId).filter(Objects::nonNull).forEach(ids::add);
        return ids;
    }
}
