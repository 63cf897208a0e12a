package org.xenplane.vm.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import org.xenplane.core.daemon.HostRef;
import org.xenplane.core.daemon.Hosts;
import org.xenplane.core.ha.FailoverPlanner;
import org.xenplane.core.ha.FailoverPlans;
import org.xenplane.core.ha.HaPlanPolicy;
import org.xenplane.core.ha.HaVms;
import org.xenplane.vm.model.Vm;

/**
 * Keeps HA's failover plan (XenAPI's {@code assert_*_preserves_ha_plan}): while HA is on and
 * overcommit is not allowed, a placement (start, resume, migration, a VM made {@code restart}) or
 * a host that stops taking VMs (disable) is refused with {@code HA_OPERATION_WOULD_BREAK_FAILOVER_PLAN}
 * when afterwards the plan would cover fewer host failures than HA must tolerate and than it covers
 * now (a pool already short of its plan may still do what does not make it worse). HA's own
 * restarts after a failure are the plan being carried out and are not checked. Checks take turns
 * through one transaction-scoped advisory lock, so that two placements on different hosts cannot
 * each leave the plan intact and together break it.
 */
@ApplicationScoped
public class FailoverPlanGuard implements FailoverPlans {
    private static final long LOCK_KEY = 0x58504841504c414eL; // "XPHAPLAN"

    private final EntityManager em;
    private final Hosts hosts;
    private final HaPlanPolicy policy;
    private final long reserve;

    public FailoverPlanGuard(EntityManager em, Hosts hosts, HaPlanPolicy policy, VmConfig config) {
        this.em = em;
        this.hosts = hosts;
        this.policy = policy;
        this.reserve = config.hostMemoryReserve();
    }

    /** The checks of one placement of {@code vm}: empty when HA keeps no plan. */
    @Transactional(Transactional.TxType.MANDATORY)
    public PlacementCheck forPlacement(Vm vm) {
        return forPlacement(vm, vm.haRestartPriority);
    }

    /** As {@link #forPlacement(Vm)}, with the VM's HA priority becoming {@code priorityAfter}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public PlacementCheck forPlacement(Vm vm, String priorityAfter) {
        OptionalInt keep = policy.failuresToKeepPlannedFor();
        if (keep.isEmpty()) {
            return PlacementCheck.NONE;
        }
        lock();
        List<FailoverPlanner.Host> pool = poolHosts(null);
        List<FailoverPlanner.Vm> others = new ArrayList<>(vmsExcept(vm.id));
        List<FailoverPlanner.Vm> now = new ArrayList<>(others);
        now.addAll(held(vm.id, vm.residentOn, vm.scheduledTo, vm.memoryReserved, vm.haRestartPriority));
        int required = keep.getAsInt();
        int before = FailoverPlanner.planExistsFor(pool, now, required);
        boolean restart = HaVms.HaVm.RESTART.equals(priorityAfter);
        return new PlacementCheck(required, before, (host, need) -> {
            List<FailoverPlanner.Vm> after = new ArrayList<>(others);
            after.add(new FailoverPlanner.Vm(vm.id, host, need, restart));
            if (vm.residentOn != null && !vm.residentOn.equals(host)) {
                after.add(new FailoverPlanner.Vm(vm.id, vm.residentOn, vm.memoryReserved, false)); // until it has moved
            }
            return FailoverPlanner.planExistsFor(pool, after, required);
        });
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRED)
    public int planExistsFor(int upTo) {
        return FailoverPlanner.planExistsFor(poolHosts(null), vmsExcept(null), upTo);
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRED)
    public void assertHostMayStopTakingVms(UUID hostId) {
        OptionalInt keep = policy.failuresToKeepPlannedFor();
        if (keep.isEmpty()) {
            return;
        }
        lock();
        List<FailoverPlanner.Vm> vms = vmsExcept(null);
        int required = keep.getAsInt();
        int before = FailoverPlanner.planExistsFor(poolHosts(null), vms, required);
        int after = FailoverPlanner.planExistsFor(poolHosts(hostId), vms, required);
        PlacementCheck.assertKept(required, before, after);
    }

    private void lock() {
        em.createNativeQuery("select pg_advisory_xact_lock(" + LOCK_KEY + ")").getSingleResult();
    }

    /** The live hosts; {@code notTaking} (if any) as if it took no VMs. */
    private List<FailoverPlanner.Host> poolHosts(UUID notTaking) {
        List<FailoverPlanner.Host> pool = new ArrayList<>();
        for (HostRef h : hosts.all()) {
            if (h.live()) {
                pool.add(new FailoverPlanner.Host(h.id(), h.memoryTotal() - reserve, h.enabled() && !h.id().equals(notTaking)));
            }
        }
        return pool;
    }

    /** Every VM holding memory on a host (running there, or being started or migrated there), but {@code except}. */
    private List<FailoverPlanner.Vm> vmsExcept(UUID except) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select id, resident_on, scheduled_to, memory_reserved, ha_restart_priority from vm
                where memory_reserved > 0 and (resident_on is not null or scheduled_to is not null)
                """).getResultList();
        List<FailoverPlanner.Vm> vms = new ArrayList<>();
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            if (!id.equals(except)) {
                vms.addAll(held(id, (UUID) r[1], (UUID) r[2], ((Number) r[3]).longValue(), (String) r[4]));
            }
        }
        return vms;
    }

    /**
     * Where a VM holds memory: on its host, protected there if {@code restart}; a VM being started
     * counts where it is going; one being migrated holds memory on both, protected on neither
     * twice (where it runs now).
     */
    private static List<FailoverPlanner.Vm> held(UUID id, UUID residentOn, UUID scheduledTo, long memory, String priority) {
        if (memory <= 0) {
            return List.of();
        }
        boolean restart = HaVms.HaVm.RESTART.equals(priority);
        List<FailoverPlanner.Vm> held = new ArrayList<>();
        if (residentOn != null) {
            held.add(new FailoverPlanner.Vm(id, residentOn, memory, restart));
        }
        if (scheduledTo != null && !scheduledTo.equals(residentOn)) {
            held.add(new FailoverPlanner.Vm(id, scheduledTo, memory, restart && residentOn == null));
        }
        return held;
    }
}
