package org.xenplane.vm.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.xenplane.core.daemon.HostRef;
import org.xenplane.core.daemon.Hosts;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.vm.model.Vm;

/**
 * Chooses a host for a VM and reserves its memory there, inside the caller's transaction. A host
 * takes a reservation only while its row is locked ({@code select ... for update}) and the sum of
 * the reservations on it is read under that lock, so concurrent starts never overcommit a host:
 * whoever comes second sees the first one's reservation. A transaction locks one host at most
 * (two transactions each holding one host and waiting for the other's would deadlock); when the
 * chosen host filled up meanwhile, {@link HostFilledMeanwhile} rolls the transaction back and the
 * caller tries again without that host. A host's capacity is its memory less
 * {@code xenplane.vm.host-memory-reserve}; a VM needs its static maximum plus its domain overhead.
 */
@ApplicationScoped
public class Placement {
    /** Candidates tried in random order among the most free, to spread concurrent starts over hosts. */
    private static final int SPREAD = 8;

    private final EntityManager em;
    private final Hosts hosts;
    private final VmDevices devices;
    private final FailoverPlanGuard plan;
    private final long reserve;

    public Placement(EntityManager em, Hosts hosts, VmDevices devices, FailoverPlanGuard plan, VmConfig config) {
        this.em = em;
        this.hosts = hosts;
        this.devices = devices;
        this.plan = plan;
        this.reserve = config.hostMemoryReserve();
    }

    private record Candidate(UUID id, long free) {
    }

    /** The chosen host had no room left once locked: roll back and choose again without it. */
    public static final class HostFilledMeanwhile extends org.xenplane.core.task.TaskAdmission.Retry {
        private final UUID host;

        HostFilledMeanwhile(UUID host) {
            super("host " + host + " filled up meanwhile");
            this.host = host;
        }

        public UUID host() {
            return host;
        }
    }

    /**
     * Reserves {@code need} bytes on a live, enabled host with room (not one of {@code excluded})
     * that can give the VM its disks and networks and keeps HA's failover plan, preferring the VM's
     * affinity host.
     *
     * @throws HostFilledMeanwhile when the chosen host turned out full under its lock
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public HostRef reserveAnywhere(Vm vm, long need, Set<UUID> excluded) {
        return reserveAnywhere(vm, need, excluded, plan.forPlacement(vm));
    }

    /**
     * As {@link #reserveAnywhere(Vm, long, Set)}, for HA's restart of a VM whose host died: the
     * failover plan is what is being carried out, so it does not hold the restart back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public HostRef reserveForFailover(Vm vm, long need, Set<UUID> excluded) {
        return reserveAnywhere(vm, need, excluded, PlacementCheck.NONE);
    }

    private HostRef reserveAnywhere(Vm vm, long need, Set<UUID> excluded, PlacementCheck check) {
        List<Candidate> candidates = candidates();
        if (candidates.isEmpty()) {
            throw new XenplaneException(ErrorCode.NO_HOSTS_AVAILABLE);
        }
        List<UUID> ordered = order(candidates, need, vm.affinity);
        ordered.removeAll(excluded);
        if (ordered.isEmpty()) {
            throw new XenplaneException(ErrorCode.HOST_NOT_ENOUGH_FREE_MEMORY, need, Math.max(0, candidates.get(0).free()));
        }
        List<UUID> attachable = ordered.stream().filter(h -> devices.canAttach(vm.id, h)).toList();
        if (attachable.isEmpty()) {
            devices.assertHostCanAttach(vm.id, ordered.get(0)); // says why: SR_NOT_ATTACHED, HOST_CANNOT_ATTACH_NETWORK
            throw new XenplaneException(ErrorCode.NO_HOSTS_AVAILABLE);
        }
        UUID chosen = attachable.stream().filter(h -> check.allows(h, need)).findFirst().orElse(null);
        if (chosen == null) {
            check.assertAllows(attachable.get(0), need); // HA_OPERATION_WOULD_BREAK_FAILOVER_PLAN
            throw new XenplaneException(ErrorCode.NO_HOSTS_AVAILABLE);
        }
        HostRef host = hosts.lock(chosen).orElse(null);
        if (host == null || !host.live() || !host.enabled() || free(host) < need) {
            throw new HostFilledMeanwhile(chosen);
        }
        hold(vm, host, need);
        return host;
    }

    /** Reserves {@code need} bytes on this host, or says why not (HA's failover plan included). */
    @Transactional(Transactional.TxType.MANDATORY)
    public HostRef reserveOn(UUID hostId, Vm vm, long need) {
        PlacementCheck check = plan.forPlacement(vm); // the plan's lock before the host's, as reserveAnywhere takes them
        HostRef host = hosts.lock(hostId).orElseThrow(() -> new XenplaneException(ErrorCode.HANDLE_INVALID, Hosts.CLASS, hostId));
        if (!host.live()) {
            throw new XenplaneException(ErrorCode.HOST_NOT_LIVE, hostId);
        }
        if (!host.enabled()) {
            throw new XenplaneException(ErrorCode.HOST_DISABLED, hostId);
        }
        long free = free(host);
        if (free < need) {
            throw new XenplaneException(ErrorCode.HOST_NOT_ENOUGH_FREE_MEMORY, need, Math.max(0, free));
        }
        check.assertAllows(hostId, need);
        hold(vm, host, need);
        return host;
    }

    /** The bytes of a host not reserved by any VM (read under the caller's lock for a consistent answer). */
    public long free(HostRef host) {
        Number reserved = (Number) em.createNativeQuery(
                        "select coalesce(sum(memory_reserved), 0) from vm where resident_on = ?1 or scheduled_to = ?1")
                .setParameter(1, host.id()).getSingleResult();
        return host.memoryTotal() - reserve - reserved.longValue();
    }

    private static void hold(Vm vm, HostRef host, long need) {
        vm.scheduledTo = host.id();
        vm.memoryReserved = need;
    }

    /** Live, enabled hosts with their unreserved memory, most free first (read without locks: a hint). */
    private List<Candidate> candidates() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select h.id, h.memory_total - ?1 - coalesce((select sum(v.memory_reserved) from vm v
                                                             where v.resident_on = h.id or v.scheduled_to = h.id), 0)
                from host h where h.live and h.enabled
                """).setParameter(1, reserve).getResultList();
        List<Candidate> candidates = new ArrayList<>();
        for (Object[] row : rows) {
            candidates.add(new Candidate((UUID) row[0], ((Number) row[1]).longValue()));
        }
        candidates.sort(Comparator.comparingLong(Candidate::free).reversed());
        return candidates;
    }

    /** Affinity first, then a random pick among the most free, then the rest by free memory. */
    private static List<UUID> order(List<Candidate> candidates, long need, UUID affinity) {
        List<UUID> fitting = candidates.stream().filter(c -> c.free() >= need).map(Candidate::id).toList();
        List<UUID> ordered = new ArrayList<>();
        if (affinity != null && fitting.contains(affinity)) {
            ordered.add(affinity);
        }
        List<UUID> top = new ArrayList<>(fitting.subList(0, Math.min(SPREAD, fitting.size())));
        Collections.shuffle(top);
        for (UUID id : top) {
            if (!ordered.contains(id)) {
                ordered.add(id);
            }
        }
        for (UUID id : fitting) {
            if (!ordered.contains(id)) {
                ordered.add(id);
            }
        }
        return ordered;
    }
}
