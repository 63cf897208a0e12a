package org.xenplane.storage.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.xenplane.storage.model.Vbd;

/**
 * Which SR of a VM's disks is not plugged on a host: placement asks it for every candidate host
 * ({@code VmStorage.assertHostCanAttach}), so it stays one query, in the caller's transaction.
 */
@ApplicationScoped
public class UnpluggedSrs {

    /** The first SR (by id) of the VM's disks without a plugged PBD on the host, if any. */
    public Optional<UUID> firstOf(UUID vmId, UUID hostId) {
        return Vbd.find("""
                        select distinct d.srId from Vbd b, Vdi d where d.id = b.vdiId and b.vmId = ?1 and not exists (
                            select 1 from Pbd p where p.srId = d.srId and p.hostId = ?2 and p.currentlyAttached = true)
                        order by d.srId""", vmId, hostId).project(UUID.class).firstResultOptional();
    }
}
