package org.xenplane.vm.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import org.xenplane.core.storage.AttachedDisks;
import org.xenplane.vm.model.Vm;

/** What {@link VmOperation#refusal} needs to know of a VM besides its record: its snapshots and attached disks. */
@ApplicationScoped
public class VmStates {
    private final EntityManager em;
    private final AttachedDisks attachedDisks;

    public VmStates(EntityManager em, AttachedDisks attachedDisks) {
        this.em = em;
        this.attachedDisks = attachedDisks;
    }

    /** The VM's state now; in a transaction. */
    public VmOperation.State of(Vm vm) {
        boolean snapshots = Boolean.TRUE.equals(em.createNativeQuery(
                "select exists (select 1 from vm where snapshot_of = ?1)").setParameter(1, vm.id).getSingleResult());
        return new VmOperation.State(vm, snapshots, attachedDisks.any(vm.id));
    }

    /** Those of the VMs with a disk attached: one query for a list. */
    public Set<UUID> withAttachedDisks(Collection<UUID> vmIds) {
        return attachedDisks.among(vmIds);
    }
}
