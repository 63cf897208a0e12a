package org.xenplane.vm.invariant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.xenplane.core.invariant.Inconsistency;
import org.xenplane.core.invariant.InvariantCheck;

/**
 * {@code DISK_ATTACHED_TO_HALTED_VM}: a read-write VBD still attached ({@code currentlyAttached})
 * although its VM is halted or suspended with no operation under way, or no longer exists: its VDI
 * is held from every other VM ({@code VDI_IN_USE}). Read from the storage service's {@code vbd}
 * table by SQL (the one exception, docs/architecture.md); without the storage schema there is nothing
 * to check. Right after a guest powers off, its disks are detached a moment after the VM is
 * recorded halted ({@code DetachDisksOfEndedDomains}).
 */
@ApplicationScoped
public class DisksAttachedToIdleVms implements InvariantCheck {
    static final String KIND = "DISK_ATTACHED_TO_HALTED_VM";

    private final EntityManager em;

    public DisksAttachedToIdleVms(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<Inconsistency> find() {
        if (!Boolean.TRUE.equals(em.createNativeQuery("select to_regclass('vbd') is not null").getSingleResult())) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select b.id, b.device, b.vm_id, lower(v.power_state), b.attached_host_id
                from vbd b left join vm v on v.id = b.vm_id
                where b.currently_attached and b.mode = 'RW'
                  and (v.id is null or (v.power_state in ('HALTED', 'SUSPENDED') and v.current_operation is null))""")
                .getResultList();
        return rows.stream().map(row -> new Inconsistency(KIND, "vbd", (UUID) row[0], "read-write VBD " + row[1]
                + " is attached on host " + row[4] + " but its VM " + row[2]
                + (row[3] == null ? " no longer exists" : " is " + row[3] + " with no operation under way"))).toList();
    }
}
