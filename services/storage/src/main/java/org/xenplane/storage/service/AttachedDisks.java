package org.xenplane.storage.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.xenplane.storage.model.Vbd;
import org.xenplane.storage.model.VbdType;

/**
 * Which VMs have a disk that some VBD has attached now (to their own domain, or to another VM's that
 * shares it): this service snapshots and clones no attached disk ({@code VdiOperation}), so the VM
 * service neither offers nor starts a snapshot or clone of such a VM. One query for a whole list of
 * VMs; what the VM service asks through {@code VmStorage.vmsWithAttachedDisks}.
 */
@ApplicationScoped
public class AttachedDisks {

    /** Those of {@code vmIds} with an attached disk (CD drives do not count: they are not forked). Joins the caller's transaction, if any. */
    public Set<UUID> among(Collection<UUID> vmIds) {
        if (vmIds.isEmpty()) {
            return Set.of();
        }
        return QuarkusTransaction.joiningExisting().call(() -> new HashSet<>(Vbd.find("""
                        select distinct b.vmId from Vbd b where b.vmId in ?1 and b.type = ?2
                          and exists (select 1 from Vbd a where a.vdiId = b.vdiId and a.currentlyAttached = true)""",
                vmIds, VbdType.DISK).project(UUID.class).list()));
    }
}
