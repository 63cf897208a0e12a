package org.xenplane.ha.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.xenplane.core.daemon.HostHeartbeat;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.event.EventOperation;
import org.xenplane.core.event.EventPublisher;
import org.xenplane.core.ha.HaVms;
import org.xenplane.core.ha.HaVms.HaVm;
import org.xenplane.core.message.Messages;
import org.xenplane.ha.api.HaHostView;
import org.xenplane.ha.model.DeadHost;

/**
 * A host declared dead: recorded (an {@code ha} event and an {@code HA_HOST_FAILED} message), its
 * protected VMs queued for restart, then every VM on it recorded halted through the VM service's
 * own power-state reset (retried on later rounds until all are: the pool may mark the host not
 * live a little later than HA declares it dead). A host heard from again is live again.
 */
@ApplicationScoped
public class Failover {
    /** Who HA's tasks are created by. */
    public static final String CALLER = "ha-monitor";
    private static final Logger LOG = Logger.getLogger(Failover.class);

    private final HaStore store;
    private final HaVms vms;
    private final EventPublisher events;
    private final Messages messages;

    public Failover(HaStore store, HaVms vms, EventPublisher events, Messages messages) {
        this.store = store;
        this.vms = vms;
        this.events = events;
        this.messages = messages;
    }

    public void declareDead(HostHeartbeat host, long silentForMillis) {
        List<HaVm> resident = vms.residentOn(host.id());
        List<HaVm> protectedVms = resident.stream().filter(HaVm::isProtected).toList();
        QuarkusTransaction.requiringNew().run(() -> {
            store.declareDead(host.id(), host.lastHeartbeat());
            protectedVms.forEach(vm -> store.queueRestart(vm.id(), host.id(), vm.priority()));
            events.publish(HaSettingsService.CLASS, EventOperation.MOD, host.id(),
                    () -> new HaHostView(host.id(), host.name(), HaHostView.DEAD, host.lastHeartbeat()));
            messages.post("HA_HOST_FAILED", 1, "host", host.id(), "Host " + host.name() + " was declared dead: no "
                    + "heartbeat for " + silentForMillis + " ms (T + safety margin). Its " + resident.size()
                    + " VM(s) are recorded halted; protected ones restart elsewhere: "
                    + protectedVms.stream().map(HaVm::name).collect(Collectors.joining(", ")) + ".");
        });
        LOG.warnf("HA: host %s (%s) declared dead after %d ms without a heartbeat; %d protected VM(s) to restart",
                host.name(), host.id(), silentForMillis, protectedVms.size());
    }

    /** Records halted the VMs still on dead hosts; a host whose VMs all are is done. */
    public void resetVmsOfDeadHosts(List<DeadHost> dead) {
        for (DeadHost host : dead) {
            if (!host.vmsReset() && resetAll(host.hostId())) {
                QuarkusTransaction.requiringNew().run(() -> store.vmsReset(host.hostId()));
            }
        }
    }

    private boolean resetAll(UUID hostId) {
        boolean all = true;
        for (HaVm vm : vms.residentOn(hostId)) {
            if (vm.isProtected()) { // one that started there while the host was dying is protected too
                QuarkusTransaction.requiringNew().run(() -> store.queueRestart(vm.id(), hostId, vm.priority()));
            }
            try {
                vms.resetPowerState(vm.id(), hostId, CALLER);
            } catch (XenplaneException e) {
                LOG.debugf("HA: VM %s on dead host %s not reset yet (%s); next round", vm.id(), hostId, e.code());
                all = false;
            }
        }
        return all;
    }

    public void backAlive(UUID hostId, String name) {
        QuarkusTransaction.requiringNew().run(() -> {
            store.alive(hostId);
            events.publish(HaSettingsService.CLASS, EventOperation.MOD, hostId,
                    () -> new HaHostView(hostId, name, HaHostView.LIVE, null));
        });
        LOG.infof("HA: host %s (%s) heartbeats again", name, hostId);
    }
}
