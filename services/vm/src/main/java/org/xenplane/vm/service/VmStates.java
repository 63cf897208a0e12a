package org.xenplane.vm.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.xenplane.core.storage.VmStorage;
import org.xenplane.vm.model.Vm;

/**
 * What {@link VmOperation#refusal} needs to know of a VM besides its record: its snapshots, its
 * attached disks and whether its resident host is live.
 */
@ApplicationScoped
public class VmStates {
    private final EntityManager em;
    private final VmStorage storage;
    private final ResidentHosts hosts;

    public VmStates(EntityManager em, VmStorage storage, ResidentHosts hosts) {
        this.em = em;
        this.storage = storage;
        this.hosts = hosts;
    }

    /** The VM's state now; in a transaction. */
    public VmOperation.State of(Vm vm) {
        boolean snapshots = Boolean.TRUE.equals(em.createNativeQuery(
                "select exists (select 1 from vm where snapshot_of = ?1)").setParameter(1, vm.id).getSingleResult());
        return new VmOperation.State(vm, snapshots, !storage.vmsWithAttachedDisks(Set.of(vm.id)).isEmpty(), hosts.of(vm));
    }

    /** Those of the VMs with a disk attached, as the storage service answers: one question for a list. */
    public Set<UUID> withAttachedDisks(Collection<UUID> vmIds) {
        return storage.vmsWithAttachedDisks(vmIds);
    }

    /** Each VM's resident host's state, by VM id: one query for a list. */
    public Map<UUID, ResidentHost> residentHosts(Collection<Vm> vms) {
        return hosts.of(vms);
    }
}
