package org.xenplane.daemon.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.xenplane.daemon.driver.DriverOperation;
import org.xenplane.daemon.driver.HypervisorDriver;
import org.xenplane.daemon.driver.XenError;
import org.xenplane.daemon.operation.OperationMemo;
import org.xenplane.daemon.protocol.DomainInfo;
import org.xenplane.daemon.protocol.DomainResult;
import org.xenplane.daemon.protocol.DomainSpec;
import org.xenplane.daemon.protocol.ShutdownReason;

/**
 * What every domain operation of one host shares: its driver, the memo that makes operations
 * idempotent by id, one lock per VM, the host's domain generation, the domains' kept specs, the
 * recently ended domains, the waiters for guests, and the listeners told of changes nobody asked for.
 */
final class HostDomains {
    private static final Logger LOG = Logger.getLogger(HostDomains.class);
    /** Each host has its own manager, so one scope holds all of its operation ids. */
    private static final String SCOPE = "domains";

    final String hostKey;
    final HypervisorDriver driver;
    final KeptSpecs specs;
    final EndedDomains ended = new EndedDomains(Duration.ofMinutes(10), 4096);
    final Waiters waiters = new Waiters();
    private final OperationMemo operations = new OperationMemo(8192);
    private final Map<UUID, Object> locks = new ConcurrentHashMap<>();
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    /** Grows with every change; starts from the clock so that it keeps growing across restarts. */
    private final AtomicLong generation = new AtomicLong(System.currentTimeMillis() * 1000);

    HostDomains(String hostKey, HypervisorDriver driver, KeptSpecs specs) {
        this.hostKey = hostKey;
        this.driver = driver;
        this.specs = specs;
    }

    void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    long generation() {
        return generation.get();
    }

    /** Runs {@code body} once per operation id (a repeat answers the first outcome), under the VM's lock. */
    DomainResult once(String operationId, String operation, UUID vmId, Supplier<DomainResult> body) {
        return operations.run(SCOPE, operationId, operation, () -> locked(vmId, body));
    }

    /** Runs {@code body} once per operation id, without the VM's lock (it waits on a guest, or locks nothing). */
    <T> T onceUnlocked(String operationId, String operation, Supplier<T> body) {
        return operations.run(SCOPE, operationId, operation, body);
    }

    <T> T locked(UUID vmId, Supplier<T> body) {
        synchronized (locks.computeIfAbsent(vmId, id -> new Object())) {
            return body.get();
        }
    }

    DomainInfo current(UUID vmId, DriverOperation operation) {
        return driver.find(vmId).map(this::withStartTime)
                .orElseThrow(() -> operation.failure(XenError.DOMAIN_NOTFOUND, "no domain " + vmId + " on " + hostKey));
    }

    void remember(DomainSpec spec) {
        specs.put(spec, Instant.now());
    }

    DomainResult changed(DomainInfo info) {
        long now = generation.incrementAndGet();
        return new DomainResult(now, withStartTime(info));
    }

    /** The answer of an operation after which the VM has no domain here. */
    DomainResult none() {
        return new DomainResult(generation.get(), null);
    }

    void gone(UUID vmId, int domid, ShutdownReason reason) {
        specs.remove(vmId);
        ended.add(vmId, domid, reason, generation.incrementAndGet());
        boolean awaited = waiters.gone(vmId);
        if (reason.byGuest() && !awaited) {
            LOG.infof("%s: domain %d (%s) ended: %s", hostKey, domid, vmId, reason.wireName());
            fireChange();
        }
    }

    void fireChange() {
        for (Runnable listener : changeListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.error("A domain change listener failed", e);
            }
        }
    }

    DomainInfo withStartTime(DomainInfo info) {
        return info.startedAt() != null ? info : info.withStartedAt(specs.startedAt(info.vmId()));
    }
}
