package org.xenplane.vm.reconcile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.xenplane.core.event.EventOperation;
import org.xenplane.core.message.Messages;
import org.xenplane.daemon.protocol.DomainEnded;
import org.xenplane.daemon.protocol.DomainInfo;
import org.xenplane.daemon.protocol.DomainReport;
import org.xenplane.daemon.protocol.DomainState;
import org.xenplane.vm.model.PowerState;
import org.xenplane.vm.model.Vm;
import org.xenplane.vm.service.VmTransactions;
import org.xenplane.vm.service.VmViews;

/**
 * Level-triggered reconciliation of one host's report against the VM records. For each idle VM
 * recorded on the host (VMs with an operation in progress are that operation's business; rows
 * another replica holds are skipped), and only if the report is not older than what the record
 * last saw of the host (its generation; a report's generation is read before its domains are
 * listed, so it reflects every operation that finished at or below it): a domain that is gone makes the VM halted, with a message
 * unless the guest simply powered off; a domain that changed (paused, rebooted with a new domid,
 * ballooned) updates the record. Domains that belong to no VM on the host are reported once as
 * a message and left alone (or destroyed, if so configured).
 */
@ApplicationScoped
public class DomainReconciler {
    private final EntityManager em;
    private final VmViews views;
    private final VmTransactions store;
    private final Messages messages;

    public DomainReconciler(EntityManager em, VmViews views, VmTransactions store, Messages messages) {
        this.em = em;
        this.views = views;
        this.store = store;
        this.messages = messages;
    }

    /** Applies the report; returns the unknown domains (vm uuids) seen for the first time. */
    @Transactional
    public List<UUID> apply(DomainReport report) {
        Map<UUID, DomainInfo> domains = new HashMap<>();
        report.domains().forEach(d -> domains.put(d.vmId(), d));
        Map<UUID, DomainEnded> ended = new HashMap<>();
        report.ended().forEach(e -> ended.put(e.vmId(), e));
        for (UUID id : drifted(report, domains)) {
            Vm vm = lockIfStillIdle(id, report.hostId());
            if (vm != null && report.generation() >= vm.hostGeneration) {
                reconcile(vm, domains.get(vm.id), ended.get(vm.id), report);
            }
        }
        return unknownDomains(report, domains);
    }

    /**
     * The idle VMs on the host whose record differs from the report, read without locks: most
     * reports only confirm the records, and then nothing is locked or written.
     */
    private List<UUID> drifted(DomainReport report, Map<UUID, DomainInfo> domains) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select id, power_state, domid, vcpus_online, memory_actual, host_generation from vm
                where resident_on = ?1 and current_operation is null and power_state in ('RUNNING', 'PAUSED')
                """).setParameter(1, report.hostId()).getResultList();
        List<UUID> drifted = new ArrayList<>();
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            DomainInfo d = domains.get(id);
            boolean differs = d == null || (d.state() != DomainState.SHUTDOWN && (!row[1].equals(wire(d.state()))
                    || !java.util.Objects.equals(row[2], d.domid()) || !java.util.Objects.equals(row[3], d.vcpusOnline())
                    || !java.util.Objects.equals(number(row[4]), d.memoryActual())));
            if (differs && report.generation() >= ((Number) row[5]).longValue()) {
                drifted.add(id);
            }
        }
        return drifted;
    }

    private static String wire(DomainState state) {
        return state == DomainState.PAUSED ? "PAUSED" : "RUNNING";
    }

    private static Long number(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    /** The VM locked, if it is still idle on the host and no one else holds it (skip locked). */
    private Vm lockIfStillIdle(UUID id, UUID hostId) {
        List<Vm> found = Vm.<Vm>find("id = ?1 and residentOn = ?2 and currentOperation is null and powerState in ?3", id,
                        hostId, List.of(PowerState.RUNNING, PowerState.PAUSED))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                .list();
        return found.isEmpty() ? null : found.get(0);
    }

    private void reconcile(Vm vm, DomainInfo domain, DomainEnded end, DomainReport report) {
        if (domain == null) {
            gone(vm, end);
        } else if (domain.state() != DomainState.SHUTDOWN && changed(vm, domain)) {
            vm.powerState = domain.state() == DomainState.PAUSED ? PowerState.PAUSED : PowerState.RUNNING;
            vm.domid = domain.domid();
            vm.startTime = domain.startedAt();
            vm.vcpusOnline = domain.vcpusOnline();
            vm.memoryActual = domain.memoryActual();
        } else {
            return;
        }
        vm.hostGeneration = report.generation();
        views.publish(EventOperation.MOD, vm);
    }

    private void gone(Vm vm, DomainEnded end) {
        String host = String.valueOf(vm.residentOn);
        if (end == null) {
            store.domainGone(vm, "VM_DOMAIN_VANISHED", 2, "The domain of this VM (domid " + vm.domid + ") is no longer on host "
                    + host + " and nobody asked Xenplane to stop it; the VM is now halted.");
            return;
        }
        switch (end.reason()) {
            case POWEROFF -> store.domainEnded(vm);
            case CRASH, WATCHDOG -> store.domainGone(vm, "VM_CRASHED", 2, "The guest " + end.reason().wireName()
                    + "ed on host " + host + " (domid " + end.domid() + "); the VM is now halted.");
            default -> store.domainGone(vm, "VM_DOMAIN_VANISHED", 2, "The domain of this VM ended on host " + host
                    + " (" + end.reason().wireName() + ") without Xenplane asking; the VM is now halted.");
        }
    }

    private static boolean changed(Vm vm, DomainInfo d) {
        PowerState state = d.state() == DomainState.PAUSED ? PowerState.PAUSED : PowerState.RUNNING;
        return state != vm.powerState || vm.domid == null || vm.domid != d.domid()
                || !java.util.Objects.equals(vm.vcpusOnline, d.vcpusOnline())
                || !java.util.Objects.equals(vm.memoryActual, d.memoryActual());
    }

    private List<UUID> unknownDomains(DomainReport report, Map<UUID, DomainInfo> domains) {
        UUID hostId = report.hostId();
        @SuppressWarnings("unchecked")
        Set<UUID> expected = new HashSet<>(em.createNativeQuery(
                        "select id from vm where resident_on = ?1 or scheduled_to = ?1").setParameter(1, hostId).getResultList());
        List<UUID> firstSeen = new ArrayList<>();
        List<UUID> unknown = new ArrayList<>();
        for (DomainInfo d : domains.values()) {
            if (expected.contains(d.vmId())) {
                continue;
            }
            unknown.add(d.vmId());
            int inserted = em.createNativeQuery("insert into unknown_domain (host_id, domain_uuid, domid) values (?1, ?2, ?3)"
                            + " on conflict do nothing")
                    .setParameter(1, hostId).setParameter(2, d.vmId()).setParameter(3, d.domid()).executeUpdate();
            if (inserted == 1) {
                firstSeen.add(d.vmId());
                messages.post("HOST_UNKNOWN_DOMAIN", 3, "host", hostId, "Domain " + d.domid() + " (uuid " + d.vmId()
                        + ") runs on this host but belongs to no VM here; Xenplane leaves it alone.");
            }
        }
        em.createNativeQuery("delete from unknown_domain where host_id = ?1 and not (domain_uuid = any(?2))")
                .setParameter(1, hostId).setParameter(2, unknown.toArray(new UUID[0])).executeUpdate();
        return firstSeen;
    }
}
