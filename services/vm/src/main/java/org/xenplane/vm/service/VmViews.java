package org.xenplane.vm.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.xenplane.core.event.EventOperation;
import org.xenplane.core.event.EventPublisher;
import org.xenplane.vm.model.Vm;
import org.xenplane.vm.api.VmView;

/** Builds VM views (with their snapshots and {@code allowedOperations}) and publishes VM events with them. */
@ApplicationScoped
public class VmViews {
    private final EntityManager em;
    private final EventPublisher events;
    private final VmStates states;

    public VmViews(EntityManager em, EventPublisher events, VmStates states) {
        this.em = em;
        this.events = events;
        this.states = states;
    }

    public VmView of(Vm vm) {
        @SuppressWarnings("unchecked")
        List<UUID> snapshots = em.createNativeQuery("select id from vm where snapshot_of = ?1 order by snapshot_time, id")
                .setParameter(1, vm.id).getResultList();
        boolean attached = !states.withAttachedDisks(List.of(vm.id)).isEmpty();
        return VmView.of(new VmOperation.State(vm, !snapshots.isEmpty(), attached, states.residentHosts(List.of(vm)).get(vm.id)),
                snapshots);
    }

    /**
     * Those of the VMs with a disk attached, as the storage service answers. Asked outside a
     * transaction, a storage service in another process is asked too; inside one it answers none
     * (its own clone then refuses an attached disk).
     */
    public Set<UUID> withAttachedDisks(Collection<UUID> vmIds) {
        return states.withAttachedDisks(vmIds);
    }

    /** The VMs' views with {@code attached}, the VMs with a disk attached as asked before ({@link #withAttachedDisks}). */
    public List<VmView> of(List<Vm> vms, Set<UUID> attached) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select snapshot_of, id from vm where snapshot_of is not null order by snapshot_time, id").getResultList();
        Map<UUID, List<UUID>> snapshots = new HashMap<>();
        for (Object[] row : rows) {
            snapshots.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add((UUID) row[1]);
        }
        Map<UUID, ResidentHost> hosts = states.residentHosts(vms);
        return vms.stream().map(v -> {
            List<UUID> own = snapshots.getOrDefault(v.id, List.of());
            return VmView.of(new VmOperation.State(v, !own.isEmpty(), attached.contains(v.id), hosts.get(v.id)), own);
        }).toList();
    }

    /** Records the VM's change in the current transaction; the event carries its state at commit. */
    public void publish(EventOperation operation, Vm vm) {
        events.publish(Vm.CLASS, operation, vm.id, () -> of(vm));
    }

    /** Records the VM's deletion with its last state. */
    public void publishDeleted(Vm vm) {
        VmView last = of(vm);
        events.publish(Vm.CLASS, EventOperation.DEL, vm.id, () -> last);
    }
}
