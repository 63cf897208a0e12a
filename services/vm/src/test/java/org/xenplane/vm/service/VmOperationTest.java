package org.xenplane.vm.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.security.Role;
import org.xenplane.vm.model.PowerState;
import org.xenplane.vm.model.Vm;

/** The one check of "may this operation run on this VM now", and the declarations it reads. */
class VmOperationTest {

    @Test
    void aHaltedVmMayBeStartedChangedCopiedAndDestroyedButNotStopped() {
        assertThat(VmOperation.allowedOn(vm(PowerState.HALTED))).containsExactlyInAnyOrder(
                "update", "destroy", "start", "start_on", "clone", "copy", "snapshot", "revert");
    }

    @Test
    void aRunningVmMayBeStoppedPausedSuspendedRebootedAndMigrated() {
        assertThat(VmOperation.allowedOn(vm(PowerState.RUNNING))).containsExactlyInAnyOrder("update", "clean_shutdown",
                "hard_shutdown", "clean_reboot", "hard_reboot", "suspend", "pause", "snapshot", "pool_migrate");
    }

    @Test
    void pausedAndSuspendedVmsHaveTheirOwnWaysOut() {
        assertThat(VmOperation.allowedOn(vm(PowerState.PAUSED))).containsExactlyInAnyOrder("update", "hard_shutdown",
                "hard_reboot", "unpause", "snapshot");
        assertThat(VmOperation.allowedOn(vm(PowerState.SUSPENDED))).containsExactlyInAnyOrder("update", "hard_shutdown",
                "resume", "snapshot");
    }

    @Test
    void theWrongStateIsVmBadPowerStateNamingExpectedAndActual() {
        var refusal = VmOperation.HARD_REBOOT.refusal(vm(PowerState.HALTED)).orElseThrow();
        assertThat(refusal.code()).isEqualTo(ErrorCode.VM_BAD_POWER_STATE);
        assertThat(refusal.parameters()).containsEntry("expected", "paused|running").containsEntry("actual", "halted");
    }

    @Test
    void aBusyVmRefusesEveryChangeWithOtherOperationInProgress() {
        Vm busy = vm(PowerState.RUNNING);
        busy.currentOperation = "clean_shutdown";
        assertThat(VmOperation.allowedOn(busy)).isEmpty();
        assertThat(VmOperation.PAUSE.refusal(busy).orElseThrow().parameters()).containsEntry("operation", "clean_shutdown");
        assertThat(VmOperation.READ.refusal(busy)).isEmpty();
    }

    @Test
    void templatesAndSnapshotsAreOnlyCopiedChangedOrDestroyed() {
        Vm template = vm(PowerState.HALTED);
        template.isATemplate = true;
        assertThat(VmOperation.allowedOn(template)).containsExactlyInAnyOrder("update", "destroy", "clone", "copy");
        assertThat(VmOperation.START.refusal(template).orElseThrow().code()).isEqualTo(ErrorCode.VM_IS_TEMPLATE);
        template.isASnapshot = true;
        assertThat(VmOperation.START.refusal(template).orElseThrow().code()).isEqualTo(ErrorCode.VM_IS_SNAPSHOT);
        template.isDefaultTemplate = true;
        assertThat(VmOperation.allowedOn(template)).doesNotContain("destroy");
    }

    @Test
    void theRolesAreXenServersDefaults() {
        assertThat(roleOf("vm.start", "vm.clean_shutdown", "vm.hard_shutdown", "vm.clean_reboot", "vm.hard_reboot",
                "vm.suspend", "vm.resume", "vm.pause", "vm.unpause")).containsOnly(Role.VM_OPERATOR);
        assertThat(roleOf("vm.create", "vm.update", "vm.destroy", "vm.clone", "vm.copy")).containsOnly(Role.VM_ADMIN);
        assertThat(roleOf("vm.start_on", "vm.snapshot", "vm.revert", "vm.pool_migrate")).containsOnly(Role.VM_POWER_ADMIN);
        assertThat(roleOf("vm.read")).containsOnly(Role.READ_ONLY);
    }

    @Test
    void everyOperationOnAVmDeclaresItsErrors() {
        assertThat(VmOperation.values()).filteredOn(VmOperation::actsOnAVm)
                .allSatisfy(op -> assertThat(op.errors()).isNotEmpty());
    }

    private static Role[] roleOf(String... ids) {
        return Arrays.stream(ids).map(id -> Arrays.stream(VmOperation.values()).filter(op -> op.id().equals(id))
                .findFirst().orElseThrow().minimumRole()).toArray(Role[]::new);
    }

    private static Vm vm(PowerState state) {
        Vm vm = new Vm();
        vm.id = UUID.randomUUID();
        vm.powerState = state;
        return vm;
    }
}
