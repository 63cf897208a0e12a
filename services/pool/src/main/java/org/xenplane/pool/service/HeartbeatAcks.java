package org.xenplane.pool.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.xenplane.core.daemon.HostRef;
import org.xenplane.core.daemon.Hosts;
import org.xenplane.core.ha.HaTerms;
import org.xenplane.daemon.protocol.ha.HaLease;
import org.xenplane.daemon.protocol.ha.HaPeer;
import org.xenplane.daemon.protocol.ha.HeartbeatAck;

/**
 * The answer to a heartbeat: the HA terms of the ha service ({@link HaTerms}, a seam: the pool reads
 * none of ha's tables) and, with HA on, the pool's other hosts with their daemon URLs. The host list
 * is read at most once per {@link #PEERS_TTL_MILLIS} (64 hosts beat every few seconds: no heartbeat
 * pays for a query of its own); a host that joined is a peer within that time.
 */
@ApplicationScoped
public class HeartbeatAcks {
    static final long PEERS_TTL_MILLIS = 1000;

    private final HaTerms terms;
    private final Hosts hosts;
    private volatile Snapshot peers = new Snapshot(List.of(), 0);

    public HeartbeatAcks(HaTerms terms, Hosts hosts) {
        this.terms = terms;
        this.hosts = hosts;
    }

    /** The acknowledgement of a heartbeat of {@code hostId}, received now. */
    public HeartbeatAck ackFor(UUID hostId) {
        HaTerms.Terms now = terms.current();
        if (!now.enabled()) {
            return new HeartbeatAck(HaLease.disabled());
        }
        List<HaPeer> others = pool().stream().filter(p -> !p.hostId().equals(hostId)).toList();
        return new HeartbeatAck(new HaLease(true, now.timeoutMillis(), others, now.peerToken()));
    }

    private List<HaPeer> pool() {
        Snapshot current = peers;
        long nowNanos = System.nanoTime();
        if (current.readAtNanos() == 0 || nowNanos - current.readAtNanos() > PEERS_TTL_MILLIS * 1_000_000) {
            List<HaPeer> read = hosts.all().stream().map(HeartbeatAcks::peer).toList();
            current = new Snapshot(read, nowNanos);
            peers = current;
        }
        return current.peers();
    }

    private static HaPeer peer(HostRef host) {
        return new HaPeer(host.id(), host.daemonUrl());
    }

    private record Snapshot(List<HaPeer> peers, long readAtNanos) {
    }
}
