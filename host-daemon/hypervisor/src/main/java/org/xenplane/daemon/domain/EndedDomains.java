package org.xenplane.daemon.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import org.xenplane.daemon.protocol.DomainEnded;
import org.xenplane.daemon.protocol.ShutdownReason;

/** The domains that ended recently and why, kept for a while for the control plane's reconciliation. */
final class EndedDomains {
    private final Duration kept;
    private final int max;
    private final Deque<DomainEnded> recent = new ArrayDeque<>();

    EndedDomains(Duration kept, int max) {
        this.kept = kept;
        this.max = max;
    }

    synchronized void add(UUID vmId, int domid, ShutdownReason reason, long generation) {
        recent.addLast(new DomainEnded(vmId, domid, reason, generation, Instant.now()));
        while (recent.size() > max) {
            recent.removeFirst();
        }
    }

    synchronized List<DomainEnded> recent() {
        Instant horizon = Instant.now().minus(kept);
        while (!recent.isEmpty() && recent.peekFirst().at().isBefore(horizon)) {
            recent.removeFirst();
        }
        return List.copyOf(recent);
    }
}
