package org.xenplane.vm.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.event.EventOperation;
import org.xenplane.core.storage.DiskProvision;
import org.xenplane.core.storage.VmStorage;
import org.xenplane.core.task.TaskContext;
import org.xenplane.core.task.TaskResult;
import org.xenplane.vm.api.VmCreate;
import org.xenplane.vm.api.VmView;
import org.xenplane.vm.model.PowerState;
import org.xenplane.vm.model.Vm;

/**
 * Reading VMs, and the operations on VMs as records with their devices: create, destroy, clone,
 * copy, snapshot and revert. Disks are the storage service's (core's {@link VmStorage}): a clone
 * gets copy-on-write clones of the source's disks, a copy full copies, a snapshot read-only
 * snapshots; VIFs are the network service's and go with the VM.
 */
@ApplicationScoped
public class VmService {
    private static final long GIB = 1L << 30;

    private final VmTransactions store;
    private final VmViews views;
    private final VmConstraints constraints;
    private final VmDevices devices;

    public VmService(VmTransactions store, VmViews views, VmConstraints constraints, VmDevices devices) {
        this.store = store;
        this.views = views;
        this.constraints = constraints;
        this.devices = devices;
    }

    /**
     * VMs, templates or snapshots by name; {@code templates} null lists all. Which of them have a
     * disk attached is asked before the transaction that reads them, so that a storage service in
     * another process is asked too ({@code VmStorage.vmsWithAttachedDisks}).
     */
    public List<VmView> list(Boolean templates, PowerState state) {
        Set<UUID> attached = views.withAttachedDisks(QuarkusTransaction.requiringNew().call(() ->
                Vm.find("select v.id from Vm v").project(UUID.class).list()));
        return QuarkusTransaction.requiringNew().call(() -> views.of(Vm.<Vm>find("order by name, id").list().stream()
                .filter(v -> templates == null || v.isATemplate == templates)
                .filter(v -> state == null || v.powerState == state).toList(), attached));
    }

    /** The VM; whether it has a disk attached is asked before the transaction that reads it, as for {@link #list}. */
    public VmView get(UUID id) {
        Set<UUID> attached = views.withAttachedDisks(List.of(id));
        return QuarkusTransaction.requiringNew().call(() -> views.of(List.of(find(id)), attached).get(0));
    }

    /**
     * Creates the VM. Without disks to make, its task succeeds in the same transaction. With disks
     * (the template's {@code provisionDisks}, or those given, unless {@code provision: false}) the new
     * VM is recorded busy with its create, the storage service makes the disks with no transaction
     * open (XAPI's {@code VM.provision}), and a failure removes the VM again: the storage service has
     * removed the disks it made, so nothing is left.
     */
    public VmView create(VmCreate request, TaskContext task) {
        List<DiskProvision> disks = new ArrayList<>();
        Vm made = QuarkusTransaction.requiringNew().call(() -> {
            Vm vm = newVm(request);
            if (!Boolean.FALSE.equals(request.provision())) {
                disks.addAll(TemplateDisks.forVm(vm));
            }
            vm.provisionDisks = new ArrayList<>(); // made now, or skipped: a VM keeps no list (XAPI drops other_config:disks)
            if (!disks.isEmpty()) {
                vm.currentOperation = VmOperation.CREATE.verb();
                vm.currentTask = task.taskId();
            }
            vm.persist();
            views.publish(EventOperation.ADD, vm);
            if (disks.isEmpty()) {
                task.succeedInCurrentTransaction(TaskResult.of(Vm.CLASS, vm.id));
            }
            return vm;
        });
        if (disks.isEmpty()) {
            return get(made.id);
        }
        try {
            devices.storage().provisionDisks(made.id, disks, task);
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> {
                Vm vm = store.lock(made.id);
                views.publishDeleted(vm);
                vm.delete();
            });
            throw e;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Vm vm = store.lock(made.id);
            vm.currentOperation = null;
            vm.currentTask = null;
            views.publish(EventOperation.MOD, vm);
            task.succeedInCurrentTransaction(TaskResult.of(Vm.CLASS, vm.id));
        });
        return get(made.id);
    }

    private Vm newVm(VmCreate request) {
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
        return vm;
    }

    /**
     * Destroys a halted VM, template or snapshot: its VBDs through the storage service (and, with
     * {@code destroyDisks}, its disks that no other VM uses; XenAPI leaves them), its VIFs through
     * the network service, then the record. The VM is claimed throughout, so nothing starts it meanwhile.
     */
    public void destroy(UUID id, boolean destroyDisks, TaskContext task) {
        Claim claim = store.claim(id, VmOperation.DESTROY, task.taskId(), ClaimedTasks.NO_RESERVATION);
        try {
            devices.storage().destroyVbds(id, destroyDisks, task);
            devices.destroyVifs(id);
            QuarkusTransaction.requiringNew().run(() -> {
                Vm vm = store.lock(id);
                views.publishDeleted(vm);
                vm.delete();
                Vm.<Vm>find("snapshotOf = ?1", id).stream().forEach(s -> views.publish(EventOperation.MOD, s));
                task.succeedInCurrentTransaction(TaskResult.NONE);
            });
            claim.finished().set(true);
        } finally {
            store.releaseIfClaimed(claim);
        }
    }

    /**
     * A new VM (or template) with the source's settings and its own disks: copy-on-write clones
     * for {@code clone}, full copies for {@code copy}; {@code parent} records where it came from.
     */
    public VmView copy(UUID id, String name, VmOperation operation, TaskContext task) {
        return derive(id, operation, task, source -> {
            Vm copy = source.copySettings(UUID.randomUUID(), name);
            copy.isATemplate = source.isATemplate;
            copy.parent = source.id;
            return copy;
        }, operation == VmOperation.COPY ? VmStorage.CloneMode.COPY : VmStorage.CloneMode.CLONE);
    }

    /** A snapshot: a template recording the VM's settings now, on read-only snapshots of its disks (XenAPI snapshots are templates). */
    public VmView snapshot(UUID id, String name, TaskContext task) {
        return derive(id, VmOperation.SNAPSHOT, task, vm -> {
            Vm snapshot = vm.copySettings(UUID.randomUUID(), name);
            snapshot.isATemplate = true;
            snapshot.isASnapshot = true;
            snapshot.snapshotOf = vm.id;
            snapshot.snapshotTime = Instant.now();
            snapshot.parent = vm.id;
            return snapshot;
        }, VmStorage.CloneMode.SNAPSHOT);
    }

    /**
     * The source is claimed, the new record is made, the network service gives it copies of the
     * source's VIFs (new MACs) and the storage service disks in the source's slots; if either fails,
     * the new record and its VIFs go again and the source is as it was.
     */
    private VmView derive(UUID id, VmOperation operation, TaskContext task, java.util.function.Function<Vm, Vm> make,
                          VmStorage.CloneMode mode) {
        Claim claim = store.claim(id, operation, task.taskId(), ClaimedTasks.NO_RESERVATION);
        try {
            Vm made = QuarkusTransaction.requiringNew().call(() -> {
                Vm created = make.apply(find(id));
                created.persist();
                views.publish(EventOperation.ADD, created);
                if (created.snapshotOf != null) {
                    views.publish(EventOperation.MOD, find(id));
                }
                return created;
            });
            try {
                devices.copyVifs(id, made.id); // XenAPI copies a VM's VIFs with it, with new MACs
                devices.storage().cloneDisks(id, made.id, mode, task);
            } catch (RuntimeException e) {
                try {
                    devices.destroyVifs(made.id);
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup); // the new record stays, to be destroyed like any VM
                    throw e;
                }
                QuarkusTransaction.requiringNew().run(() -> {
                    Vm gone = store.lock(made.id);
                    views.publishDeleted(gone);
                    gone.delete();
                });
                throw e;
            }
            store.finish(claim, vm -> { });
            return QuarkusTransaction.requiringNew().call(() -> views.of(find(made.id)));
        } finally {
            store.releaseIfClaimed(claim);
        }
    }

    /**
     * Puts a halted VM back to one of its snapshots: its settings, and its disks replaced by
     * copy-on-write clones of the snapshot's (the VM's current disks are destroyed first, as
     * XenServer's revert does: a failure between the two leaves the VM without disks, and the
     * snapshot as it was).
     */
    public VmView revert(UUID id, UUID snapshotId, TaskContext task) {
        Claim claim = store.claim(id, VmOperation.REVERT, task.taskId(), ClaimedTasks.NO_RESERVATION);
        try {
            Vm snapshot = QuarkusTransaction.requiringNew().call(() -> find(snapshotId));
            if (!snapshot.isASnapshot || !Objects.equals(snapshot.snapshotOf, id)) {
                throw new XenplaneException(ErrorCode.OPERATION_NOT_ALLOWED, VmOperation.REVERT.id(),
                        snapshotId + " is not a snapshot of this VM");
            }
            devices.storage().destroyVbds(id, true, task);
            devices.storage().cloneDisks(snapshotId, id, VmStorage.CloneMode.CLONE, task);
            store.finish(claim, vm -> {
                VmSettingsApplier.copy(snapshot.copySettings(vm.id, snapshot.name), vm);
            });
            return QuarkusTransaction.requiringNew().call(() -> views.of(find(id)));
        } finally {
            store.releaseIfClaimed(claim);
        }
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
