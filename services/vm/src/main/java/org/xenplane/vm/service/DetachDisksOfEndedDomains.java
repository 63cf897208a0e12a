package org.xenplane.vm.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;
import org.xenplane.vm.model.PowerState;
import org.xenplane.vm.model.Vm;

/**
 * Detaches the disks of a VM whose domain ended by itself (the guest powered off or crashed, or
 * the domain vanished), once the transaction that recorded the VM halted has committed. The
 * detach runs on a thread of its own: the storage service's transactions and the host's
 * deactivation neither run inside the finished transaction nor hold up the thread that
 * reconciles a host's report.
 */
@ApplicationScoped
public class DetachDisksOfEndedDomains {
    private static final Logger LOG = Logger.getLogger(DetachDisksOfEndedDomains.class);
    private final VmDevices devices;
    private final EntityManager em;
    private final ExecutorService detacher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "xenplane-detach-ended");
        t.setDaemon(true);
        return t;
    });

    public DetachDisksOfEndedDomains(VmDevices devices, EntityManager em) {
        this.devices = devices;
        this.em = em;
    }

    void onEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) VmTransactions.DomainEnded ended) {
        detacher.execute(() -> detachIfStillHalted(ended.vmId()));
    }

    /**
     * With the VM's row locked: only a VM still halted and idle loses its disks here. A VM started
     * again meanwhile keeps what its start attached (that start detached the leftovers itself),
     * and a start that comes now waits for the lock.
     */
    private void detachIfStillHalted(UUID vmId) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Vm vm = em.find(Vm.class, vmId, LockModeType.PESSIMISTIC_WRITE);
                if (vm != null && vm.currentOperation == null && vm.powerState == PowerState.HALTED) {
                    devices.detachDisks(vmId, "domain-ended/" + UUID.randomUUID());
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("Could not detach the disks of VM %s whose domain ended: %s", vmId, e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        detacher.shutdown();
    }
}
