package org.xenplane.pool.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.event.EventOperation;
import org.xenplane.core.event.EventPublisher;
import org.xenplane.core.ha.FailoverPlans;
import org.xenplane.core.security.CallerKind;
import org.xenplane.core.security.Credential;
import org.xenplane.pool.model.Host;
import org.xenplane.pool.api.HostView;

/** Reading hosts and the administrator's operations on them. */
@ApplicationScoped
public class HostService {
    private static final Logger LOG = Logger.getLogger(HostService.class);

    private final EventPublisher events;
    private final FailoverPlans failoverPlans;

    public HostService(EventPublisher events, FailoverPlans failoverPlans) {
        this.events = events;
        this.failoverPlans = failoverPlans;
    }

    @Transactional
    public List<HostView> list() {
        return Host.<Host>find("order by name, id").list().stream().map(HostView::of).toList();
    }

    @Transactional
    public HostView get(UUID id) {
        return HostView.of(find(id, LockModeType.NONE));
    }

    /** host.disable / host.enable: a disabled host stays in the pool but takes no new VMs. */
    @Transactional
    public HostView setEnabled(UUID id, HostOperation operation) {
        if (operation == HostOperation.DISABLE) {
            // before the host's lock, as placements take the plan's lock before a host's
            failoverPlans.assertHostMayStopTakingVms(id); // HA_OPERATION_WOULD_BREAK_FAILOVER_PLAN
        }
        Host host = find(id, LockModeType.PESSIMISTIC_WRITE);
        operation.assertAllowed(host);
        host.enabled = operation == HostOperation.ENABLE;
        host.maintenance = false;
        events.publish(Host.CLASS, EventOperation.MOD, host.id, () -> HostView.of(host));
        return HostView.of(host);
    }

    /**
     * The first step of {@code host.enter_maintenance}: refuses a host that is not live or already in
     * maintenance, and disables an enabled one (keeping HA's failover plan) so that no new VM lands on it.
     */
    @Transactional
    public void disableForMaintenance(UUID id) {
        if (find(id, LockModeType.NONE).enabled) {
            failoverPlans.assertHostMayStopTakingVms(id); // before the host's lock, as in setEnabled
        }
        Host host = find(id, LockModeType.PESSIMISTIC_WRITE);
        HostOperation.ENTER_MAINTENANCE.assertAllowed(host);
        host.enabled = false;
        events.publish(Host.CLASS, EventOperation.MOD, host.id, () -> HostView.of(host));
    }

    /**
     * The last step of {@code host.enter_maintenance}, once the host is empty: it is in maintenance,
     * unless someone enabled it meanwhile (then the maintenance is refused: VMs may land on it again).
     */
    @Transactional
    public HostView markInMaintenance(UUID id) {
        Host host = find(id, LockModeType.PESSIMISTIC_WRITE);
        if (host.enabled) {
            throw new XenplaneException(ErrorCode.OPERATION_NOT_ALLOWED, HostOperation.ENTER_MAINTENANCE.id(),
                    "the host was enabled while it was being evacuated");
        }
        host.maintenance = true;
        events.publish(Host.CLASS, EventOperation.MOD, host.id, () -> HostView.of(host));
        LOG.infof("Host %s (%s) is in maintenance", host.name, id);
        return HostView.of(host);
    }

    /** {@code host.exit_maintenance}: the host takes VMs again. */
    @Transactional
    public HostView exitMaintenance(UUID id) {
        Host host = find(id, LockModeType.PESSIMISTIC_WRITE);
        HostOperation.EXIT_MAINTENANCE.assertAllowed(host);
        host.enabled = true;
        host.maintenance = false;
        events.publish(Host.CLASS, EventOperation.MOD, host.id, () -> HostView.of(host));
        return HostView.of(host);
    }

    /** Refuses the operation if the host's state does not allow it now (read, not locked). */
    @Transactional
    public void assertAllowed(UUID id, HostOperation operation) {
        operation.assertAllowed(find(id, LockModeType.NONE));
    }

    /** host.destroy: forgets a host that is not live, and revokes its daemon's credential. */
    @Transactional
    public void destroy(UUID id) {
        Host host = find(id, LockModeType.PESSIMISTIC_WRITE);
        HostOperation.DESTROY.assertAllowed(host);
        HostView last = HostView.of(host);
        Credential.update("revokedAt = ?1 where kind = ?2 and subject = ?3 and revokedAt is null",
                Instant.now(), CallerKind.HOST, host.id.toString());
        host.delete();
        events.publish(Host.CLASS, EventOperation.DEL, id, () -> last);
        LOG.infof("Host %s (%s) was removed from the pool", last.name(), id);
    }

    private static Host find(UUID id, LockModeType lock) {
        Host host = Host.findById(id, lock);
        if (host == null) {
            throw new XenplaneException(ErrorCode.HANDLE_INVALID, Host.CLASS, id);
        }
        return host;
    }
}
