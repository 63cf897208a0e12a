package org.xenplane.vm.invariant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.xenplane.core.invariant.Inconsistency;
import org.xenplane.core.invariant.InvariantCheck;
import org.xenplane.vm.service.VmConfig;

/**
 * {@code HOST_OVERCOMMITTED}: the VMs resident on a host or scheduled to it reserve more memory than
 * placement may give there (its total less {@code xenplane.vm.host-memory-reserve}), which
 * admission under the host's row lock should never allow.
 */
@ApplicationScoped
public class OvercommittedHosts implements InvariantCheck {
    static final String KIND = "HOST_OVERCOMMITTED";

    private final EntityManager em;
    private final long reserve;

    public OvercommittedHosts(EntityManager em, VmConfig config) {
        this.em = em;
        this.reserve = config.hostMemoryReserve();
    }

    @Override
    public List<Inconsistency> find() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select * from (
                    select h.id, h.memory_total - ?1 as capacity, (select coalesce(sum(v.memory_reserved), 0) from vm v
                                                                   where v.resident_on = h.id or v.scheduled_to = h.id) as reserved
                    from host h) c
                where reserved > capacity""").setParameter(1, reserve).getResultList();
        return rows.stream().map(row -> new Inconsistency(KIND, "host", (UUID) row[0], "its VMs reserve " + row[2]
                + " bytes, more than the " + row[1] + " placement may give there")).toList();
    }
}
