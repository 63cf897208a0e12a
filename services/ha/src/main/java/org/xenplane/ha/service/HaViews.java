package org.xenplane.ha.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.xenplane.core.daemon.Hosts;
import org.xenplane.core.ha.FailoverPlans;
import org.xenplane.ha.api.HaHostView;
import org.xenplane.ha.api.HaView;
import org.xenplane.ha.api.PendingRestartView;
import org.xenplane.ha.model.HaSettings;

/** The pool's HA as {@code GET /api/v1/ha} and the {@code ha} events show it (never the peer token). */
@ApplicationScoped
public class HaViews {
    private final HaStore store;
    private final Hosts hosts;
    private final HaConfig config;
    private final FailoverPlans plans;

    public HaViews(HaStore store, Hosts hosts, HaConfig config, FailoverPlans plans) {
        this.store = store;
        this.hosts = hosts;
        this.config = config;
        this.plans = plans;
    }

    /** Joins the caller's transaction, or runs in one of its own. */
    public HaView view() {
        return QuarkusTransaction.joiningExisting().call(() -> {
            HaSettings s = store.settings(false);
            Liveness liveness = Liveness.of(s.timeoutMillis(), config.safetyMargin().toMillis(), s.enabledAt(),
                    hosts.heartbeats(), store.deadHosts());
            List<HaHostView> hostViews = liveness.hosts().stream()
                    .map(h -> new HaHostView(h.id(), h.name(), liveness.state(h), h.lastHeartbeat())).toList();
            List<PendingRestartView> pending = store.pendingRestarts().stream()
                    .map(p -> new PendingRestartView(p.vmId(), p.failedHost(), p.priority(), p.attempts(), p.lastError()))
                    .toList();
            List<String> allowed = new ArrayList<>();
            allowed.add(s.enabled() ? "disable" : "enable");
            allowed.add("set_allow_overcommit");
            int plan = plans.planExistsFor(s.hostFailuresToTolerate());
            return new HaView(s.enabled(), s.timeoutSeconds(), s.hostFailuresToTolerate(), s.allowOvercommit(), plan,
                    s.enabled() && plan < s.hostFailuresToTolerate(), config.safetyMargin().toMillis(), liveness.quorum(), hostViews, pending, allowed, s.version());
        });
    }
}
