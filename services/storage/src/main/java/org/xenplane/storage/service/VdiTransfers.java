package org.xenplane.storage.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.xenplane.core.daemon.DaemonTransport;
import org.xenplane.core.daemon.HostRef;
import org.xenplane.core.daemon.StorageDaemonClient;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.event.EventOperation;
import org.xenplane.core.task.TaskContext;
import org.xenplane.daemon.protocol.storage.ImageFormat;
import org.xenplane.daemon.protocol.storage.VolumeInfo;
import org.xenplane.storage.model.Sr;
import org.xenplane.storage.model.Vdi;

/**
 * The long VDI operations: copy (to the same or another SR), import and export. Each marks the
 * VDIs it holds ({@code current_operation}) in a short transaction, does the transfer without
 * holding locks, and finishes in another; a failure removes what it created and releases the marks.
 */
@ApplicationScoped
public class VdiTransfers {
    private static final Logger LOG = Logger.getLogger(VdiTransfers.class);

    private final StorageDaemonClient daemon;
    private final StorageRecords records;
    private final StorageViews views;
    private final VdiService vdis;
    private final Chains chains;
    private final DiskLocks locks;
    private final SrClaims claims;
    private final VdiHolds holds;

    public VdiTransfers(StorageDaemonClient daemon, StorageRecords records, StorageViews views, VdiService vdis, Chains chains,
                        DiskLocks locks, SrClaims claims, VdiHolds holds) {
        this.claims = claims;
        this.holds = holds;
        this.locks = locks;
        this.daemon = daemon;
        this.records = records;
        this.views = views;
        this.vdis = vdis;
        this.chains = chains;
    }

    /** vdi.copy: a full, flattened copy; answers the new VDI. */
    public UUID copy(UUID sourceId, UUID targetSrId, String name, TaskContext ctx) {
        String op = ctx.taskId() + "/copy/" + sourceId;
        UUID targetId = UUID.randomUUID();
        Vdi source = QuarkusTransaction.requiringNew().call(() -> {
            Vdi vdi = locks.lockVdi(sourceId);
            VdiOperation.COPY.assertAllowed(views.vdiState(vdi));
            hold(vdi, "copy", ctx);
            return vdi;
        });
        UUID srId = targetSrId == null ? source.srId : targetSrId;
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Sr sr = claims.lockForVdis(srId, ctx.taskId());
                vdis.reserve(sr, source.virtualSize);
                Vdi target = VdiService.newVdi(targetId, sr.id, name != null ? name : source.name,
                        new VolumeInfo(targetId, source.virtualSize, 0, null, "qcow2", null));
                target.description = source.description;
                target.type = source.type;
                target.sharable = source.sharable;
                holds.hold(target, "copy", ctx.taskId());
                target.persist();
                records.publish(target, EventOperation.ADD);
            });
        } catch (RuntimeException e) {
            release(sourceId);
            throw e;
        }
        try {
            VolumeInfo copied = transfer(source, srId, targetId, ctx, op);
            QuarkusTransaction.requiringNew().run(() -> {
                Vdi target = records.vdi(targetId, LockModeType.PESSIMISTIC_WRITE);
                target.physicalUtilisation = copied.physicalUtilisation();
                holds.releaseIn(target);
            });
            return targetId;
        } catch (RuntimeException e) {
            discard(srId, targetId, op);
            throw e;
        } finally {
            release(sourceId);
        }
    }

    private VolumeInfo transfer(Vdi source, UUID targetSrId, UUID targetId, TaskContext ctx, String op) {
        HostRef[] hosts = QuarkusTransaction.requiringNew().call(() -> new HostRef[] {
                records.workingHost(records.sr(source.srId, LockModeType.NONE)),
                records.workingHost(records.sr(targetSrId, LockModeType.NONE))});
        HostRef from = hosts[0];
        boolean sameHost = QuarkusTransaction.requiringNew().call(() -> records.pluggedOn(targetSrId, from.id()));
        if (sameHost) {
            return daemon.copy(from, source.srId, source.id, targetSrId, targetId, op);
        }
        HostRef to = hosts[1];
        daemon.createVolume(to, targetSrId, targetId, source.virtualSize, op + "/create");
        try (DaemonTransport.Download download = daemon.export(from, source.srId, source.id, ImageFormat.QCOW2)) {
            ProgressStream counted = new ProgressStream(download.body(), ctx, download.length());
            return daemon.importContent(to, targetSrId, targetId, ImageFormat.QCOW2, download.length(), counted, op + "/import");
        } catch (IOException e) {
            throw new XenplaneException(ErrorCode.HOST_DAEMON_ERROR, from.id(), e.getMessage());
        }
    }

    /** vdi.import: streams {@code length} bytes of an image into the VDI, replacing its content. */
    public void importContent(UUID id, ImageFormat format, long length, InputStream body, TaskContext ctx) {
        String op = ctx.taskId() + "/import";
        Vdi vdi = QuarkusTransaction.requiringNew().call(() -> {
            Vdi v = locks.lockVdi(id);
            VdiOperation.IMPORT.assertAllowed(views.vdiState(v));
            if (format == ImageFormat.RAW && length > v.virtualSize) {
                throw new XenplaneException(ErrorCode.VDI_TOO_SMALL, id, v.virtualSize, length);
            }
            hold(v, "import", ctx);
            return v;
        });
        try {
            HostRef host = QuarkusTransaction.requiringNew().call(() ->
                    records.workingHost(records.sr(vdi.srId, LockModeType.NONE)));
            VolumeInfo imported = daemon.importContent(host, vdi.srId, id, format, length,
                    new ProgressStream(body, ctx, length), op);
            QuarkusTransaction.requiringNew().run(() -> {
                records.sr(vdi.srId, LockModeType.PESSIMISTIC_WRITE);
                Vdi v = records.vdi(id, LockModeType.PESSIMISTIC_WRITE);
                v.physicalUtilisation = imported.physicalUtilisation();
                v.parentId = imported.parentId();
                holds.releaseIn(v);
                v.getEntityManager().flush();
                chains.recomputeDepths(vdi.srId);
            });
            coalesceAfterImport(vdi.srId, host, ctx, op);
        } finally {
            release(id);
        }
    }

    /** vdi.export: writes the VDI's content (chain flattened) in {@code format} to {@code out}. */
    public void export(UUID id, ImageFormat format, OutputStream out, TaskContext ctx) throws IOException {
        Vdi vdi = QuarkusTransaction.requiringNew().call(() -> {
            Vdi v = locks.lockVdi(id);
            VdiOperation.EXPORT.assertAllowed(views.vdiState(v));
            hold(v, "export", ctx);
            return v;
        });
        try {
            HostRef host = QuarkusTransaction.requiringNew().call(() ->
                    records.workingHost(records.sr(vdi.srId, LockModeType.NONE)));
            try (DaemonTransport.Download download = daemon.export(host, vdi.srId, id, format)) {
                new ProgressStream(download.body(), ctx, download.length()).transferTo(out);
            }
        } finally {
            release(id);
        }
    }

    /** Checks that an export may start now (before the response is committed to streaming). */
    public void checkExport(UUID id) {
        QuarkusTransaction.requiringNew().run(() ->
                VdiOperation.EXPORT.assertAllowed(views.vdiState(records.vdi(id, LockModeType.NONE))));
    }

    private void hold(Vdi vdi, String operation, TaskContext ctx) {
        holds.hold(vdi, operation, ctx.taskId());
    }

    void release(UUID id) {
        holds.release(id);
    }

    /** The imported image has no backing file: the base it had may go now; a failure waits for a scan. */
    private void coalesceAfterImport(UUID srId, HostRef host, TaskContext ctx, String op) {
        try {
            chains.coalesce(srId, host, ctx.taskId(), op + "/coalesce");
        } catch (RuntimeException e) {
            LOG.warnf("Coalescing SR %s after an import waits for a scan: %s", srId, e.getMessage());
        }
    }

    void discard(UUID srId, UUID targetId, String op) {
        try {
            vdis.discard(srId, targetId, op + "/discard");
        } catch (RuntimeException e) {
            LOG.warnf("Could not remove the partial copy %s on SR %s: %s (a scan removes it)", targetId, srId, e.getMessage());
        }
    }
}
