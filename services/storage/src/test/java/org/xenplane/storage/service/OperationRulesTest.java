package org.xenplane.storage.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.security.Role;
import org.xenplane.core.vm.VmDomain;
import org.xenplane.storage.model.Pbd;
import org.xenplane.storage.model.Sr;
import org.xenplane.storage.model.Vbd;
import org.xenplane.storage.model.VbdMode;
import org.xenplane.storage.model.VbdType;
import org.xenplane.storage.model.Vdi;

/** The declared operations' roles and state rules, which also fill every view's allowedOperations. */
class OperationRulesTest {

    @Test
    void rolesAreXenServersDefaults() {
        assertThat(VdiOperation.SNAPSHOT.minimumRole()).isEqualTo(Role.VM_ADMIN);
        assertThat(VdiOperation.CLONE.minimumRole()).isEqualTo(Role.VM_ADMIN);
        assertThat(VdiOperation.RESIZE.minimumRole()).isEqualTo(Role.VM_ADMIN);
        assertThat(VdiOperation.CREATE.minimumRole()).isEqualTo(Role.VM_ADMIN);
        assertThat(VdiOperation.COPY.minimumRole()).isEqualTo(Role.VM_ADMIN);
        assertThat(VbdOperation.ATTACH.minimumRole()).isEqualTo(Role.VM_ADMIN);
        assertThat(SrOperation.SCAN.minimumRole()).isEqualTo(Role.VM_POWER_ADMIN);
        assertThat(SrOperation.CREATE.minimumRole()).isEqualTo(Role.POOL_OPERATOR);
        assertThat(SrOperation.FORGET.minimumRole()).isEqualTo(Role.POOL_OPERATOR);
        assertThat(PbdOperation.PLUG.minimumRole()).isEqualTo(Role.POOL_OPERATOR);
        assertThat(VdiOperation.READ.minimumRole()).isEqualTo(Role.READ_ONLY);
        assertThat(VdiOperation.READ.mutating()).isFalse();
    }

    @Test
    void aVdiAttachedReadWriteMayNotBeDestroyedCopiedOrForked() {
        Vdi vdi = vdi();
        UUID vm = UUID.randomUUID();
        VdiOperation.State attachedRw = new VdiOperation.State(vdi, vm, true);
        assertThat(VdiOperation.DESTROY.refusal(attachedRw)).get().extracting(e -> e.code()).isEqualTo(ErrorCode.VDI_IN_USE);
        assertThat(VdiOperation.COPY.refusal(attachedRw)).get().extracting(e -> e.code()).isEqualTo(ErrorCode.VDI_IN_USE);
        assertThat(VdiOperation.SNAPSHOT.refusal(attachedRw)).get().extracting(e -> e.code()).isEqualTo(ErrorCode.OPERATION_NOT_ALLOWED);
        assertThat(VdiOperation.allowedOn(attachedRw)).isEmpty();
        VdiOperation.State attachedRo = new VdiOperation.State(vdi, vm, false);
        assertThat(VdiOperation.allowedOn(attachedRo)).containsExactly("copy", "export");
        assertThat(VdiOperation.allowedOn(new VdiOperation.State(vdi, null, false)))
                .containsExactly("destroy", "resize", "snapshot", "clone", "copy", "import", "export");
    }

    @Test
    void hiddenBasesBusyAndReadOnlyVdisRefuseWhatWouldChangeThem() {
        Vdi base = vdi();
        base.managed = false;
        assertThat(VdiOperation.allowedOn(new VdiOperation.State(base, null, false))).isEmpty();
        Vdi busy = vdi();
        busy.currentOperation = "copy";
        assertThat(VdiOperation.DESTROY.refusal(new VdiOperation.State(busy, null, false))).get()
                .extracting(e -> e.code()).isEqualTo(ErrorCode.OTHER_OPERATION_IN_PROGRESS);
        Vdi snapshot = vdi();
        snapshot.readOnly = true;
        assertThat(VdiOperation.allowedOn(new VdiOperation.State(snapshot, null, false)))
                .doesNotContain("resize", "import").contains("destroy", "clone", "copy");
    }

    @Test
    void srsWithPluggedPbdsOrDisksInVmsAreNotForgotten() {
        Sr sr = new Sr();
        sr.id = UUID.randomUUID();
        assertThat(SrOperation.FORGET.refusal(new SrOperation.State(sr, 1, 0))).get()
                .extracting(e -> e.code()).isEqualTo(ErrorCode.SR_HAS_PBDS_ATTACHED);
        assertThat(SrOperation.DESTROY.refusal(new SrOperation.State(sr, 0, 2))).get()
                .extracting(e -> e.code()).isEqualTo(ErrorCode.OPERATION_NOT_ALLOWED);
        assertThat(SrOperation.allowedOn(new SrOperation.State(sr, 0, 0))).containsExactly("forget", "destroy", "repair");
        assertThat(SrOperation.allowedOn(new SrOperation.State(sr, 2, 0))).containsExactly("repair", "scan");
    }

    @Test
    void pbdsAndVbdsFollowTheirStateMachines() {
        Pbd pbd = new Pbd();
        assertThat(PbdOperation.allowedOn(new PbdOperation.State(pbd, null))).containsExactly("plug");
        pbd.currentlyAttached = true;
        assertThat(PbdOperation.allowedOn(new PbdOperation.State(pbd, null))).containsExactly("unplug");
        Vbd holding = new Vbd();
        holding.vdiId = UUID.randomUUID();
        holding.vmId = UUID.randomUUID();
        assertThat(PbdOperation.allowedOn(new PbdOperation.State(pbd, holding))).isEmpty();
        assertThat(PbdOperation.UNPLUG.refusal(new PbdOperation.State(pbd, holding))).get().extracting(e -> e.code())
                .isEqualTo(ErrorCode.VDI_IN_USE);
        Vbd cd = new Vbd();
        cd.id = UUID.randomUUID();
        cd.type = VbdType.CD;
        cd.mode = VbdMode.RO;
        cd.empty = true;
        VmDomain running = new VmDomain(cd.vmId, UUID.randomUUID(), "running");
        VmDomain halted = new VmDomain(cd.vmId, null, "halted");
        assertThat(VbdOperation.allowedOn(cd, running)).containsExactly("destroy", "attach", "plug", "insert");
        assertThat(VbdOperation.allowedOn(cd, halted)).containsExactly("destroy", "attach", "insert");
        assertThat(VbdOperation.PLUG.refusal(cd, halted)).get().extracting(e -> e.code()).isEqualTo(ErrorCode.VM_BAD_POWER_STATE);
        cd.empty = false;
        cd.currentlyAttached = true;
        assertThat(VbdOperation.allowedOn(cd, running)).containsExactly("detach", "unplug", "eject");
        assertThat(VbdOperation.allowedOn(cd, halted)).containsExactly("detach", "eject");
        Vbd disk = new Vbd();
        disk.id = UUID.randomUUID();
        disk.type = VbdType.DISK;
        assertThat(VbdOperation.INSERT.refusal(disk)).get().extracting(e -> e.code()).isEqualTo(ErrorCode.VBD_NOT_REMOVABLE_MEDIA);
    }

    private static Vdi vdi() {
        Vdi vdi = new Vdi();
        vdi.id = UUID.randomUUID();
        vdi.virtualSize = 1 << 20;
        return vdi;
    }
}
