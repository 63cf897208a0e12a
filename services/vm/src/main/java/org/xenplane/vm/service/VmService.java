package org.xenplane.vm.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.event.EventOperation;
import org.xenplane.core.task.TaskContext;
import org.xenplane.core.task.TaskResult;
import org.xenplane.vm.model.PowerState;
import org.xenplane.vm.model.Vm;
import org.xenplane.vm.rest.VmCreate;
import org.xenplane.vm.rest.VmView;

/**
 * Reading VMs, and the operations that change only records: create, destroy, clone, copy,
 * snapshot and revert. VMs have no disks yet (storage is its own service), so a copy or a
 * snapshot copies a VM's settings; a clone and a copy differ only once disks exist.
 */
@ApplicationScoped
public class VmService {
    private static final long GIB = 1L << 30;

    private final VmStore store;
    private final VmViews views;
    private final VmConstraints constraints;

    public VmService(VmStore store, VmViews views, VmConstraints constraints) {
        this.store = store;
        this.views = views;
        this.constraints = constraints;
    }

    /** VMs, templates or snapshots by name; {@code templates} null lists all. */
    @Transactional
    public List<VmView> list(Boolean templates, PowerState state) {
        List<Vm> vms = Vm.<Vm>find("order by name, id").list().stream()
                .filter(v -> templates == null || v.isATemplate == templates)
                .filter(v -> state == null || v.powerState == state).toList();
        return views.of(vms);
    }

    @Transactional
    public VmView get(UUID id) {
        return views.of(find(id));
    }

    /** Creates the VM; its task succeeds in the same transaction. */
    @Transactional
    public VmView create(VmCreate request, TaskContext task) {
        Vm vm;
        if (request.template() != null) {
            Vm template = find(request.template());
            if (!template.isATemplate) {
                throw new XenplaneException(ErrorCode.OPERATION_NOT_ALLOWED, VmOperation.CREATE.id(),
                        "the source " + template.id + " is not a template");
            }
            vm = template.copySettings(UUID.randomUUID(), request.name());
            vm.parent = template.id;
        } else {
            vm = fromScratch(request.name());
        }
        VmSettingsApplier.apply(vm, request.settings());
        constraints.check(vm);
        vm.persist();
        views.publish(EventOperation.ADD, vm);
        task.succeedInCurrentTransaction(TaskResult.of(Vm.CLASS, vm.id));
        return views.of(vm);
    }

    @Transactional
    public void destroy(UUID id, TaskContext task) {
        Vm vm = store.lock(id);
        VmOperation.DESTROY.assertAllowed(vm);
        views.publishDeleted(vm);
        vm.delete();
        Vm.<Vm>find("snapshotOf = ?1", id).stream().forEach(s -> views.publish(EventOperation.MOD, s));
        task.succeedInCurrentTransaction(TaskResult.NONE);
    }

    /** A new VM (or template) with the source's settings; {@code parent} records where it came from. */
    @Transactional
    public VmView copy(UUID id, String name, VmOperation operation, TaskContext task) {
        Vm source = store.lock(id);
        operation.assertAllowed(source);
        Vm copy = source.copySettings(UUID.randomUUID(), name);
        copy.isATemplate = source.isATemplate;
        copy.parent = source.id;
        copy.persist();
        views.publish(EventOperation.ADD, copy);
        task.succeedInCurrentTransaction(TaskResult.of(Vm.CLASS, copy.id));
        return views.of(copy);
    }

    /** A snapshot: a template recording the VM's settings now (XenAPI snapshots are templates). */
    @Transactional
    public VmView snapshot(UUID id, String name, TaskContext task) {
        Vm vm = store.lock(id);
        VmOperation.SNAPSHOT.assertAllowed(vm);
        Vm snapshot = vm.copySettings(UUID.randomUUID(), name);
        snapshot.isATemplate = true;
        snapshot.isASnapshot = true;
        snapshot.snapshotOf = vm.id;
        snapshot.snapshotTime = Instant.now();
        snapshot.parent = vm.id;
        snapshot.persist();
        views.publish(EventOperation.ADD, snapshot);
        views.publish(EventOperation.MOD, vm);
        task.succeedInCurrentTransaction(TaskResult.of(Vm.CLASS, snapshot.id));
        return views.of(snapshot);
    }

    /** Puts a halted VM back to the settings of one of its snapshots. */
    @Transactional
    public VmView revert(UUID id, UUID snapshotId, TaskContext task) {
        Vm vm = store.lock(id);
        VmOperation.REVERT.assertAllowed(vm);
        Vm snapshot = find(snapshotId);
        if (!snapshot.isASnapshot || !Objects.equals(snapshot.snapshotOf, vm.id)) {
            throw new XenplaneException(ErrorCode.OPERATION_NOT_ALLOWED, VmOperation.REVERT.id(),
                    snapshotId + " is not a snapshot of this VM");
        }
        Vm settings = snapshot.copySettings(vm.id, snapshot.name);
        VmSettingsApplier.copy(settings, vm);
        views.publish(EventOperation.MOD, vm);
        task.succeedInCurrentTransaction(TaskResult.of(Vm.CLASS, vm.id));
        return views.of(vm);
    }

    public static Vm find(UUID id) {
        Vm vm = Vm.findById(id);
        if (vm == null) {
            throw new XenplaneException(ErrorCode.HANDLE_INVALID, Vm.CLASS, id);
        }
        return vm;
    }

    private static Vm fromScratch(String name) {
        Vm vm = new Vm();
        vm.id = UUID.randomUUID();
        vm.name = name;
        vm.memoryStaticMin = GIB / 4;
        vm.memoryStaticMax = GIB;
        vm.memoryDynamicMin = GIB;
        vm.memoryDynamicMax = GIB;
        vm.vcpusMax = 1;
        vm.vcpusAtStartup = 1;
        vm.domainType = "pvh";
        vm.createdAt = Instant.now();
        return vm;
    }
}
