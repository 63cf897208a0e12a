package org.xenplane.pool.service;

import static org.xenplane.core.error.ErrorCode.CANNOT_EVACUATE_HOST;
import static org.xenplane.core.error.ErrorCode.HA_OPERATION_WOULD_BREAK_FAILOVER_PLAN;
import static org.xenplane.core.error.ErrorCode.HOST_IS_LIVE;
import static org.xenplane.core.error.ErrorCode.HOST_NOT_LIVE;
import static org.xenplane.core.error.ErrorCode.OPERATION_NOT_ALLOWED;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.security.DeclaredOperation;
import org.xenplane.core.security.OperationCatalog.OperationSet;
import org.xenplane.core.security.OperationSpec;
import org.xenplane.core.security.Role;
import org.xenplane.pool.model.Host;

/**
 * The operations on hosts, declared once (XenAPI {@code host.*}), with the one check that says
 * whether an operation may run on a host in its current state.
 */
public enum HostOperation implements DeclaredOperation {
    READ(OperationSpec.reads("host.read", Role.READ_ONLY)),
    DISABLE(OperationSpec.changes("host.disable", Role.POOL_OPERATOR).in("enabled").raises(OPERATION_NOT_ALLOWED,
            HA_OPERATION_WOULD_BREAK_FAILOVER_PLAN)),
    ENABLE(OperationSpec.changes("host.enable", Role.POOL_OPERATOR).in("disabled").raises(OPERATION_NOT_ALLOWED)),
    /**
     * Live-migrate every VM running on the host to other hosts (XenAPI {@code host.evacuate}); with
     * {@code disable} first, maintenance mode (XenCenter's "enter maintenance mode").
     */
    EVACUATE(OperationSpec.changes("host.evacuate", Role.POOL_OPERATOR).in("live").raises(HOST_NOT_LIVE,
            CANNOT_EVACUATE_HOST, OPERATION_NOT_ALLOWED, HA_OPERATION_WOULD_BREAK_FAILOVER_PLAN)),
    /**
     * Maintenance mode as one call (XenCenter's "enter maintenance mode": XAPI {@code host.disable}
     * then {@code host.evacuate}): the host is disabled at once, then emptied; it is in maintenance
     * once the last VM has left. A host whose evacuation fails stays disabled.
     */
    ENTER_MAINTENANCE(OperationSpec.changes("host.enter_maintenance", Role.POOL_OPERATOR).in("live, not in maintenance")
            .raises(HOST_NOT_LIVE, CANNOT_EVACUATE_HOST, OPERATION_NOT_ALLOWED, HA_OPERATION_WOULD_BREAK_FAILOVER_PLAN)),
    /** Leave maintenance mode: the host is enabled again (XAPI {@code host.enable}). */
    EXIT_MAINTENANCE(OperationSpec.changes("host.exit_maintenance", Role.POOL_OPERATOR).in("in maintenance")
            .raises(OPERATION_NOT_ALLOWED)),
    /** Forget a host that has left (XenAPI {@code host.destroy}): only when it is not live. */
    DESTROY(OperationSpec.changes("host.destroy", Role.POOL_OPERATOR).in("not live").raises(HOST_IS_LIVE)),
    HEARTBEAT(OperationSpec.byHost("host.heartbeat"));

    private final OperationSpec spec;

    HostOperation(OperationSpec spec) {
        this.spec = spec;
    }

    @Override
    public OperationSpec spec() {
        return spec;
    }

    /** Why this operation may not run on the host now, or empty when it may. */
    public Optional<XenplaneException> refusal(Host host) {
        return switch (this) {
            case DISABLE -> host.enabled ? Optional.empty() : notAllowed("the host is already disabled");
            case ENABLE -> host.enabled ? notAllowed("the host is already enabled") : Optional.empty();
            case EVACUATE -> host.live ? Optional.empty() : Optional.of(new XenplaneException(ErrorCode.HOST_NOT_LIVE, host.id));
            case ENTER_MAINTENANCE -> !host.live ? Optional.of(new XenplaneException(ErrorCode.HOST_NOT_LIVE, host.id))
                    : host.maintenance ? notAllowed("the host is already in maintenance") : Optional.empty();
            case EXIT_MAINTENANCE -> host.maintenance ? Optional.empty() : notAllowed("the host is not in maintenance");
            case DESTROY -> host.live ? Optional.of(new XenplaneException(ErrorCode.HOST_IS_LIVE, host.id)) : Optional.empty();
            case READ, HEARTBEAT -> Optional.empty();
        };
    }

    public void assertAllowed(Host host) {
        Optional<XenplaneException> refusal = refusal(host);
        if (refusal.isPresent()) {
            throw refusal.get();
        }
    }

    /** The user operations allowed on the host now (its {@code allowedOperations}). */
    public static List<String> allowedOn(Host host) {
        return Arrays.stream(values())
                .filter(op -> op.mutating() && op != HEARTBEAT && op.refusal(host).isEmpty())
                .map(op -> op.id().substring(op.id().indexOf('.') + 1))
                .toList();
    }

    private Optional<XenplaneException> notAllowed(String reason) {
        return Optional.of(new XenplaneException(ErrorCode.OPERATION_NOT_ALLOWED, id(), reason));
    }

    @ApplicationScoped
    static class Declarations {
        @Produces
        OperationSet hostOperations() {
            return OperationSet.of(values());
        }
    }
}
