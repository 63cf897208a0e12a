package org.xenplane.vm.invariant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.xenplane.core.invariant.Inconsistency;
import org.xenplane.core.invariant.InvariantCheck;
import org.xenplane.vm.model.Vm;

/**
 * {@code VM_ON_HOST_NOT_LIVE}: a VM recorded running or paused on a host that is not live (or no
 * longer in the pool). Reconciliation corrects a live host's VMs from its daemon's reports and
 * keeps none of them, so a host that reports nothing is what can leave a VM {@code running} with
 * no domain; the way out is HA's restart or {@code POST /api/v1/vms/{id}/reset-power-state}.
 */
@ApplicationScoped
public class VmsOnHostsNotLive implements InvariantCheck {
    static final String KIND = "VM_ON_HOST_NOT_LIVE";

    private final EntityManager em;

    public VmsOnHostsNotLive(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<Inconsistency> find() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select v.id, lower(v.power_state), v.resident_on, h.id is null, h.last_heartbeat
                from vm v left join host h on h.id = v.resident_on
                where v.power_state in ('RUNNING', 'PAUSED') and (h.id is null or not h.live)""").getResultList();
        return rows.stream().map(row -> new Inconsistency(KIND, Vm.CLASS, (UUID) row[0], row[1] + " on host " + row[2]
                + ((Boolean) row[3] ? ", which is not in the pool" : ", which is not live (last heartbeat " + row[4] + ")")
                + ": whether its domain runs is not known")).toList();
    }
}
