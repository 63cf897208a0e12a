package org.xenplane.vm.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import java.util.UUID;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.event.EventOperation;
import org.xenplane.core.task.TaskContext;
import org.xenplane.core.task.TaskRequest;
import org.xenplane.core.task.TaskResult;
import org.xenplane.core.task.TaskRunner;
import org.xenplane.core.task.TaskView;
import org.xenplane.daemon.protocol.DomainResult;
import org.xenplane.vm.api.VmSettings;
import org.xenplane.vm.model.PowerState;
import org.xenplane.vm.model.Vm;

/**
 * {@code vm.update}: names and settings. What Xen can change in a running domain changes live
 * (the balloon target follows the dynamic maximum; the online vCPUs follow vCPUs at startup, up
 * to the maximum); what it cannot (static memory, maximum vCPUs, domain type, boot settings,
 * platform flags, becoming a template) needs a halted VM: {@code VM_BAD_POWER_STATE}.
 */
@ApplicationScoped
public class VmUpdates {
    private final TaskRunner tasks;
    private final VmTransactions store;
    private final VmViews views;
    private final VmConstraints constraints;
    private final ClaimedTasks claimed;

    public VmUpdates(TaskRunner tasks, VmTransactions store, VmViews views, VmConstraints constraints, ClaimedTasks claimed) {
        this.tasks = tasks;
        this.store = store;
        this.views = views;
        this.constraints = constraints;
        this.claimed = claimed;
    }

    public TaskView update(UUID id, VmSettings settings, String caller, String key) {
        return tasks.run(new TaskRequest(VmOperation.UPDATE, Vm.CLASS, id, key), caller, context -> {
            Claim live = QuarkusTransaction.requiringNew().call(() -> apply(id, settings, context));
            if (live != null) {
                changeLive(live, settings, context);
            }
            return TaskResult.of(Vm.CLASS, id);
        });
    }

    /** Applies the change at once, or, when the domain must change too, claims the VM and returns the claim. */
    private Claim apply(UUID id, VmSettings settings, TaskContext context) {
        UUID taskId = context.taskId();
        Vm vm = store.lockIfAllowed(id, VmOperation.UPDATE);
        Vm proposed = vm.copySettings(vm.id, vm.name);
        proposed.isATemplate = vm.isATemplate;
        VmSettingsApplier.apply(proposed, settings);
        checkHaltedOnly(vm, proposed, settings);
        constraints.check(proposed);
        boolean live = vm.powerState.hasDomain() && (proposed.memoryDynamicMax != vm.memoryDynamicMax
                || proposed.vcpusAtStartup != vm.vcpusAtStartup);
        if (!live) {
            VmSettingsApplier.apply(vm, settings);
            if (settings.isATemplate() != null) {
                vm.isATemplate = settings.isATemplate();
            }
            views.publish(EventOperation.MOD, vm);
            context.succeedInCurrentTransaction(TaskResult.of(Vm.CLASS, id));
            return null;
        }
        vm.currentOperation = VmOperation.UPDATE.verb();
        vm.currentTask = taskId;
        views.publish(EventOperation.MOD, vm);
        return new Claim(taskId, id, VmOperation.UPDATE, DomainSpecs.of(proposed), vm.powerState,
                store.hostOf(vm), null);
    }

    private void changeLive(Claim claim, VmSettings settings, TaskContext context) {
        try {
            var daemon = claimed.daemon(claim.host());
            DomainResult memory = daemon.setMemoryTarget(claim.op("memory_target"), claim.vmId(), claim.spec().memoryTarget());
            DomainResult vcpus = daemon.setVcpusOnline(claim.op("vcpus_online"), claim.vmId(), claim.spec().vcpusOnline());
            store.succeed(claim, context, vm -> {
                VmSettingsApplier.apply(vm, settings);
                ClaimedTasks.metrics(vm, memory.generation() > vcpus.generation() ? memory : vcpus);
            });
        } catch (XenplaneException e) {
            throw claimed.failed(claim, e);
        } finally {
            store.releaseIfClaimed(claim);
        }
    }

    private static void checkHaltedOnly(Vm vm, Vm proposed, VmSettings settings) {
        boolean haltedOnly = proposed.memoryStaticMin != vm.memoryStaticMin || proposed.memoryStaticMax != vm.memoryStaticMax
                || proposed.vcpusMax != vm.vcpusMax || !Objects.equals(proposed.domainType, vm.domainType)
                || !Objects.equals(proposed.kernel, vm.kernel) || !Objects.equals(proposed.ramdisk, vm.ramdisk)
                || !Objects.equals(proposed.cmdline, vm.cmdline) || !Objects.equals(proposed.bootOrder, vm.bootOrder)
                || !Objects.equals(proposed.platform, vm.platform)
                || (settings.isATemplate() != null && settings.isATemplate() != vm.isATemplate);
        if (haltedOnly && vm.powerState != PowerState.HALTED) {
            throw new XenplaneException(ErrorCode.VM_BAD_POWER_STATE, vm.id, PowerState.HALTED.wireName(),
                    vm.powerState.wireName());
        }
        if (settings.isATemplate() != null && settings.isATemplate() != vm.isATemplate
                && vm.isASnapshot) {
            throw new XenplaneException(ErrorCode.OPERATION_NOT_ALLOWED, VmOperation.UPDATE.id(), "snapshots stay templates");
        }
    }
}
