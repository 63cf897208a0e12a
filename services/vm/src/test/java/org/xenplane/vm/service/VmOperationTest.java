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
                "update", "destroy", "start", "start_on", "clone", "copy", "snapshot");
    }

    @Test
    void onlyStartStartOnAndResumeAttachDisksAndHoldThemWhileUnderWay() {
        assertThat(Arrays.stream(VmOperation.values()).filter(VmOperation::attachesDisks))
                .containsExactlyInAnyOrder(VmOperation.START, VmOperation.START_ON, VmOperation.RESUME);
        assertThat(VmOperation.attachesDisks("start_on")).isTrue();
        assertThat(VmOperation.attachesDisks("clone")).isFalse();
        assertThat(VmOperation.attachesDisks(null)).isFalse();
    }

    @Test
    void onlyAVmWithSnapshotsMayBeReverted() {
        Vm vm = vm(PowerState.HALTED).vm();
        assertThat(VmOperation.allowedOn(new VmOperation.State(vm, true, false))).contains("revert");
        var refusal = VmOperation.REVERT.refusal(new VmOperation.State(vm, false, false)).orElseThrow();
        assertThat(refusal.code()).isEqualTo(ErrorCode.OPERATION_NOT_ALLOWED);
        assertThat(refusal.parameters()).containsEntry("operation", "vm.revert");
    }

    @Test
    void aVmWithAttachedDisksIsNotSnapshottedLive() {
        Vm vm = vm(PowerState.RUNNING).vm();
        VmOperation.State withDisks = new VmOperation.State(vm, false, true);
        assertThat(VmOperation.allowedOn(withDisks)).doesNotContain("snapshot");
        assertThat(VmOperation.SNAPSHOT.refusal(withDisks).orElseThrow().code()).isEqualTo(ErrorCode.OPERATION_NOT_ALLOWED);
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
        VmOperation.State busy = vm(PowerState.RUNNING);
        busy.vm().currentOperation = "clean_shutdown";
        assertThat(VmOperation.allowedOn(busy)).isEmpty();
        assertThat(VmOperation.PAUSE.refusal(busy).orElseThrow().parameters()).containsEntry("operation", "clean_shutdown");
        assertThat(VmOperation.READ.refusal(busy)).isEmpty();
    }

    @Test
    void templatesAndSnapshotsAreOnlyCopiedChangedOrDestroyed() {
        VmOperation.State template = vm(PowerState.HALTED);
        template.vm().isATemplate = true;
        assertThat(VmOperation.allowedOn(template)).containsExactlyInAnyOrder("update", "destroy", "clone", "copy");
        assertThat(VmOperation.START.refusal(template).orElseThrow().code()).isEqualTo(ErrorCode.VM_IS_TEMPLATE);
        template.vm().isASnapshot = true;
        assertThat(VmOperation.START.refusal(template).orElseThrow().code()).isEqualTo(ErrorCode.VM_IS_SNAPSHOT);
    }

    @Test
    void aBuiltInTemplateIsReadOnlyButMayBeCloned() {
        VmOperation.State builtIn = vm(PowerState.HALTED);
        builtIn.vm().isATemplate = true;
        builtIn.vm().isDefaultTemplate = true;
        assertThat(VmOperation.allowedOn(builtIn)).containsExactlyInAnyOrder("clone", "copy");
        var refusal = VmOperation.UPDATE.refusal(builtIn).orElseThrow();
        assertThat(refusal.code()).isEqualTo(ErrorCode.OPERATION_NOT_ALLOWED);
        assertThat(refusal.getMessage()).contains("clone");
    }

    @Test
    void theRolesAreXenServersDefaults() {
        assertThat(roleOf("vm.start", "vm.clean_shutdown", "vm.hard_shutdown", "vm.clean_reboot", "vm.hard_reboot",
                "vm.suspend", "vm.resume", "vm.pause", "vm.unpause")).containsOnly(Role.VM_OPERATOR);
        assertThat(roleOf("vm.create", "vm.update", "vm.destroy", "vm.clone", "vm.copy")).containsOnly(Role.VM_ADMIN);
        assertThat(roleOf("vm.start_on", "vm.snapshot", "vm.revert", "vm.pool_migrate")).containsOnly(Role.VM_POWER_ADMIN);
        assertThat(roleOf("vm.power_state_reset")).containsOnly(Role.POOL_OPERATOR);
        assertThat(roleOf("vm.read")).containsOnly(Role.READ_ONLY);
    }

    @Test
    void aVmOnALiveHostIsNotResetButOneOnAHostThatIsNotLiveIs() {
        Vm vm = vm(PowerState.RUNNING).vm();
        vm.residentOn = UUID.randomUUID();
        var live = new VmOperation.State(vm, false, false, ResidentHost.LIVE);
        var refusal = VmOperation.POWER_STATE_RESET.refusal(live).orElseThrow();
        assertThat(refusal.code()).isEqualTo(ErrorCode.HOST_IS_LIVE);
        assertThat(refusal.parameters()).containsEntry("host", vm.residentOn.toString());
        assertThat(VmOperation.allowedOn(live)).doesNotContain("power_state_reset");
        assertThat(live.powerStateUncertain()).isFalse();

        var notLive = new VmOperation.State(vm, false, false, ResidentHost.NOT_LIVE);
        assertThat(VmOperation.allowedOn(notLive)).contains("power_state_reset");
        assertThat(notLive.powerStateUncertain()).as("not yet dead-host-after").isFalse();
        var dead = new VmOperation.State(vm, false, false, ResidentHost.DEAD);
        assertThat(VmOperation.allowedOn(dead)).contains("power_state_reset");
        assertThat(dead.powerStateUncertain()).isTrue();
    }

    @Test
    void aHaltedVmHasNoPowerStateToReset() {
        var refusal = VmOperation.POWER_STATE_RESET.refusal(vm(PowerState.HALTED)).orElseThrow();
        assertThat(refusal.code()).isEqualTo(ErrorCode.VM_BAD_POWER_STATE);
        assertThat(refusal.parameters()).containsEntry("expected", "paused|running");
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

    private static VmOperation.State vm(PowerState state) {
        Vm vm = new Vm();
        vm.id = UUID.randomUUID();
        vm.powerState = state;
        return new VmOperation.State(vm, false, false);
    }
}
