package org.xenplane.vm.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.xenplane.vm.model.Vm;

/**
 * Whether the hosts VMs are resident on are live, not live, or presumed dead
 * ({@code xenplane.vm.dead-host-after} without a heartbeat), read from the pool's {@code host}
 * rows by SQL: one query for a whole list of VMs.
 */
@ApplicationScoped
public class ResidentHosts {
    private final EntityManager em;
    private final Duration deadAfter;

    public ResidentHosts(EntityManager em, VmConfig config) {
        this.em = em;
        this.deadAfter = config.deadHostAfter();
    }

    /** The VM's resident host's state; in a transaction. */
    public ResidentHost of(Vm vm) {
        return of(List.of(vm)).get(vm.id);
    }

    /** Each VM's resident host's state, by VM id; in a transaction. */
    public Map<UUID, ResidentHost> of(Collection<Vm> vms) {
        List<UUID> hostIds = vms.stream().filter(v -> v.residentOn != null).map(v -> v.residentOn).distinct().toList();
        Map<UUID, ResidentHost> hosts = hostIds.isEmpty() ? Map.of() : read(hostIds);
        Map<UUID, ResidentHost> byVm = new HashMap<>();
        for (Vm vm : vms) {
            byVm.put(vm.id, vm.residentOn == null ? ResidentHost.NONE : hosts.getOrDefault(vm.residentOn, ResidentHost.DEAD));
        }
        return byVm;
    }

    private Map<UUID, ResidentHost> read(List<UUID> hostIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, live, last_heartbeat < ?2 from host where id in (?1)")
                .setParameter(1, hostIds).setParameter(2, Instant.now().minus(deadAfter)).getResultList();
        Map<UUID, ResidentHost> hosts = new HashMap<>();
        for (Object[] row : rows) {
            boolean live = (Boolean) row[1];
            boolean silent = (Boolean) row[2];
            hosts.put((UUID) row[0], live ? ResidentHost.LIVE : silent ? ResidentHost.DEAD : ResidentHost.NOT_LIVE);
        }
        return hosts;
    }
}
