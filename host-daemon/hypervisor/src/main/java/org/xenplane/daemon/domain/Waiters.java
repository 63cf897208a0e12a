package org.xenplane.daemon.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xenplane.daemon.protocol.DomainInfo;

/** Callers waiting for a domain to go away (clean shutdown) or to come back with a new domid (clean reboot). */
final class Waiters {
    enum Awaiting { GONE, REBOOTED }

    private record Waiter(Awaiting what, CompletableFuture<DomainInfo> done) {
    }

    private final Map<UUID, List<Waiter>> byVm = new ConcurrentHashMap<>();

    CompletableFuture<DomainInfo> register(UUID vmId, Awaiting what) {
        Waiter waiter = new Waiter(what, new CompletableFuture<>());
        byVm.compute(vmId, (id, list) -> {
            List<Waiter> waiting = list == null ? new ArrayList<>() : list;
            waiting.add(waiter);
            return waiting;
        });
        return waiter.done();
    }

    void cancel(UUID vmId, CompletableFuture<DomainInfo> done) {
        byVm.computeIfPresent(vmId, (id, list) -> {
            list.removeIf(w -> w.done() == done);
            return list.isEmpty() ? null : list;
        });
    }

    /** The domain is gone: releases everyone waiting for it, whatever they waited for; true if anyone was. */
    boolean gone(UUID vmId) {
        List<Waiter> waiting = byVm.remove(vmId);
        if (waiting != null) {
            waiting.forEach(w -> w.done().complete(null));
        }
        return waiting != null && !waiting.isEmpty();
    }

    /** The domain rebooted into {@code info}: releases those waiting for a reboot; true if anyone was. */
    boolean rebooted(UUID vmId, DomainInfo info) {
        boolean[] released = {false};
        byVm.computeIfPresent(vmId, (id, list) -> {
            released[0] = list.removeIf(w -> w.what() == Awaiting.REBOOTED && w.done().complete(info));
            return list.isEmpty() ? null : list;
        });
        return released[0];
    }

    /** Waits for {@code done}; true if it happened in time. */
    static boolean await(CompletableFuture<DomainInfo> done, Duration timeout) {
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        }
    }
}
