package org.xenplane.storage.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.xenplane.core.vm.VmDomain;
import org.xenplane.core.vm.VmDomains;
import org.xenplane.storage.api.PbdView;
import org.xenplane.storage.api.SrView;
import org.xenplane.storage.api.VbdView;
import org.xenplane.storage.api.VdiView;
import org.xenplane.storage.model.Pbd;
import org.xenplane.storage.model.Sr;
import org.xenplane.storage.model.Vbd;
import org.xenplane.storage.model.VbdMode;
import org.xenplane.storage.model.Vdi;

/** Builds the API views, with each object's allowed operations from its operation enum's state rule. */
@ApplicationScoped
public class StorageViews {
    private final VmDomains vms;

    public StorageViews(VmDomains vms) {
        this.vms = vms;
    }

    public SrView sr(Sr sr) {
        List<Pbd> pbds = Pbd.list("srId = ?1 order by id", sr.id);
        return new SrView(sr.id, sr.name, sr.description, sr.type, sr.contentType, sr.shared, sr.hostId,
                Map.copyOf(sr.deviceConfig), sr.physicalSize, sr.physicalUtilisation, sr.virtualAllocation,
                pbds.stream().map(p -> p.id).toList(), sr.createdAt, sr.version, SrOperation.allowedOn(srState(sr)));
    }

    public SrOperation.State srState(Sr sr) {
        long attached = Pbd.count("srId = ?1 and currentlyAttached = true", sr.id);
        long inVms = Vbd.count("vdiId in (select v.id from Vdi v where v.srId = ?1)", sr.id);
        return new SrOperation.State(sr, attached, inVms);
    }

    public PbdView pbd(Pbd p) {
        return new PbdView(p.id, p.srId, p.hostId, Map.copyOf(p.deviceConfig), p.currentlyAttached, p.version,
                PbdOperation.allowedOn(pbdState(p)));
    }

    public PbdOperation.State pbdState(Pbd p) {
        Vbd inUse = Vbd.<Vbd>find("currentlyAttached = true and attachedHostId = ?1"
                + " and vdiId in (select v.id from Vdi v where v.srId = ?2)", p.hostId, p.srId).firstResult();
        return new PbdOperation.State(p, inUse);
    }

    public VdiView vdi(Vdi v) {
        List<Vbd> vbds = Vbd.list("vdiId = ?1 order by id", v.id);
        return vdi(v, vbds);
    }

    public VdiView vdi(Vdi v, List<Vbd> vbds) {
        return new VdiView(v.id, v.srId, v.name, v.description, v.type, v.virtualSize, v.physicalUtilisation, v.sharable,
                v.readOnly, v.managed, v.isSnapshot, v.snapshotOf, v.snapshotTime, v.parentId, v.chainDepth, v.missing,
                v.currentOperation, vbds.stream().map(b -> b.id).toList(), v.createdAt, v.version,
                VdiOperation.allowedOn(vdiState(v, vbds)));
    }

    public VdiOperation.State vdiState(Vdi v) {
        return vdiState(v, Vbd.list("vdiId = ?1", v.id));
    }

    /**
     * A VBD holds its VDI when it is attached, or when its VM has a start or resume under way that has
     * not attached it yet (XenAPI marks a starting VM's VBDs). An operation that needs the disk free
     * asks this with the VDI and its VBDs locked ({@link DiskLocks#lockVdi}).
     */
    private VdiOperation.State vdiState(Vdi v, List<Vbd> vbds) {
        List<Vbd> holding = vbds.stream().filter(b -> b.currentlyAttached || vms.attachingDisks(b.vmId)).toList();
        UUID attachedBy = holding.stream().map(b -> b.vmId).findFirst().orElse(null);
        boolean rw = holding.stream().anyMatch(b -> b.mode == VbdMode.RW);
        return new VdiOperation.State(v, attachedBy, rw);
    }

    public VbdView vbd(Vbd b) {
        return new VbdView(b.id, b.vmId, b.vdiId, b.device, b.userdevice, b.mode, b.type, b.bootable, b.empty,
                b.currentlyAttached, b.attachedHostId, b.version, VbdOperation.allowedOn(b, VmDomain.of(vms, b.vmId)));
    }
}
