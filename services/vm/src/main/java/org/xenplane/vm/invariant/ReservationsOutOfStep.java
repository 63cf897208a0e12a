package org.xenplane.vm.invariant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.xenplane.core.invariant.Inconsistency;
import org.xenplane.core.invariant.InvariantCheck;
import org.xenplane.vm.model.Vm;

/**
 * A VM's memory reservation against its domain. Placement counts a VM's {@code memory_reserved} on
 * its {@code resident_on} and {@code scheduled_to} hosts: {@code RESERVATION_WITHOUT_DOMAIN} is an
 * idle VM that holds memory where it has no domain and none is coming (halted or suspended and
 * still holding memory or a resident host, or scheduled to a host with no operation under way),
 * which the host can no longer give to anyone; {@code DOMAIN_WITHOUT_RESERVATION} is a running or
 * paused VM holding less than its static maximum, so its host may be overcommitted.
 */
@ApplicationScoped
public class ReservationsOutOfStep implements InvariantCheck {
    static final String WITHOUT_DOMAIN = "RESERVATION_WITHOUT_DOMAIN";
    static final String WITHOUT_RESERVATION = "DOMAIN_WITHOUT_RESERVATION";

    private final EntityManager em;

    public ReservationsOutOfStep(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<Inconsistency> find() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select * from (
                    select id, lower(power_state), memory_reserved, memory_static_max, resident_on, scheduled_to,
                           current_operation is null and (scheduled_to is not null or (power_state in ('HALTED', 'SUSPENDED')
                               and (memory_reserved > 0 or resident_on is not null))) as without_domain,
                           power_state in ('RUNNING', 'PAUSED') and memory_reserved < memory_static_max as without_reservation
                    from vm) v
                where without_domain or without_reservation""").getResultList();
        List<Inconsistency> found = new ArrayList<>();
        for (Object[] row : rows) {
            if ((Boolean) row[6]) {
                found.add(new Inconsistency(WITHOUT_DOMAIN, Vm.CLASS, (UUID) row[0], row[1] + " with no operation under way,"
                        + " yet holds " + row[2] + " bytes (resident on " + row[4] + ", scheduled to " + row[5] + ")"));
            }
            if ((Boolean) row[7]) {
                found.add(new Inconsistency(WITHOUT_RESERVATION, Vm.CLASS, (UUID) row[0], row[1] + " on host " + row[4]
                        + " but reserves " + row[2] + " bytes there, less than its static maximum " + row[3]));
            }
        }
        return found;
    }
}
