package org.xenplane.ha.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.xenplane.core.daemon.HostHeartbeat;
import org.xenplane.daemon.protocol.ha.HaQuorum;
import org.xenplane.ha.api.HaHostView;
import org.xenplane.ha.model.DeadHost;

/**
 * What the heartbeats say, at one instant, with no I/O: which hosts are heard from (a heartbeat
 * within T), whether those form a quorum of the pool ({@link HaQuorum}, the rule the daemons apply
 * too), each host's HA state, and which hosts may be declared dead now.
 *
 * @param timeoutMillis    T
 * @param marginMillis     the safety margin
 * @param leaseGrantedFrom heartbeats received before this instant were not acknowledged with a lease
 *                         (HA enabled then, plus the terms cache): they cannot make a host dead
 */
public record Liveness(long timeoutMillis, long marginMillis, Instant leaseGrantedFrom, List<HostHeartbeat> hosts,
                       Map<UUID, DeadHost> dead) {

    public static Liveness of(long timeoutMillis, long marginMillis, Instant leaseGrantedFrom, List<HostHeartbeat> hosts,
                              List<DeadHost> dead) {
        return new Liveness(timeoutMillis, marginMillis, leaseGrantedFrom, List.copyOf(hosts),
                dead.stream().collect(Collectors.toMap(DeadHost::hostId, Function.identity())));
    }

    public boolean heard(HostHeartbeat host) {
        return host.ageMillis() <= timeoutMillis;
    }

    /** The control plane and the hosts heard from within T form a quorum of the pool's voters. */
    public boolean quorum() {
        return HaQuorum.withControlPlane(hosts.stream().map(HostHeartbeat::id).toList(),
                hosts.stream().filter(this::heard).map(HostHeartbeat::id).toList());
    }

    /** Declared dead, and not heard from since. */
    public boolean isDead(HostHeartbeat host) {
        DeadHost d = dead.get(host.id());
        return d != null && !host.lastHeartbeat().isAfter(d.lastHeartbeat());
    }

    public String state(HostHeartbeat host) {
        return isDead(host) ? HaHostView.DEAD : heard(host) ? HaHostView.LIVE : HaHostView.SILENT;
    }

    /**
     * The hosts to declare dead now: silent for longer than T + margin since their last received
     * heartbeat, which carried a lease, not declared already; none without a quorum.
     */
    public List<HostHeartbeat> toDeclareDead() {
        if (!quorum()) {
            return List.of();
        }
        return hosts.stream().filter(h -> h.ageMillis() > timeoutMillis + marginMillis)
                .filter(h -> leaseGrantedFrom != null && h.lastHeartbeat().isAfter(leaseGrantedFrom))
                .filter(h -> !isDead(h)).toList();
    }

    /** Hosts declared dead that have been heard from since (they fenced, and came back). */
    public Set<UUID> backAlive() {
        return hosts.stream().filter(h -> dead.containsKey(h.id()) && !isDead(h)).map(HostHeartbeat::id)
                .collect(Collectors.toSet());
    }
}
