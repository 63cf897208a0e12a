package org.xenplane.daemon.domain;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.xenplane.daemon.protocol.DomainReport;

/**
 * Tells the control plane about one host's domains: shortly after every change, and every
 * {@code interval} in any case, after a sweep that applies the shutdown policy to every domain
 * found shut down (level-triggered: each report is the whole truth, so a lost one
 * costs nothing). Changes that arrive while a report is on its way are folded into the next one,
 * so a burst of changes costs a couple of reports, not one each.
 */
public final class DomainReporter {
    private static final Logger LOG = Logger.getLogger(DomainReporter.class);

    /** Delivers a report; completes when the control plane has it (or exceptionally). */
    @FunctionalInterface
    public interface Sink {
        CompletableFuture<?> send(DomainReport report);
    }

    private final DomainManager domains;
    private final Supplier<Optional<UUID>> hostId;
    private final Sink sink;
    private final ScheduledExecutorService timer;
    private final Duration interval;
    private final Duration settle;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile String lastFailure;

    /**
     * @param hostId   the host's id once it has joined (nothing is reported before)
     * @param interval the time between full reports when nothing changes
     * @param settle   how long a change waits for others before the report goes
     */
    public DomainReporter(DomainManager domains, Supplier<Optional<UUID>> hostId, Sink sink,
                          ScheduledExecutorService timer, Duration interval, Duration settle) {
        this.domains = domains;
        this.hostId = hostId;
        this.sink = sink;
        this.timer = timer;
        this.interval = interval;
        this.settle = settle;
    }

    public void start() {
        domains.onChange(this::changed);
        timer.scheduleWithFixedDelay(this::sweep, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every interval: the host's shut-down domains get their policy ({@link DomainManager#reconcile}), then a report goes. */
    private void sweep() {
        try {
            domains.reconcile();
        } catch (RuntimeException e) {
            LOG.errorf("%s: the sweep of the domains failed: %s", domains.hostKey(), e.getMessage());
        }
        changed();
    }

    /** Something changed: a report goes soon, folded with whatever else changes meanwhile. */
    public void changed() {
        if (scheduled.compareAndSet(false, true)) {
            timer.schedule(this::send, settle.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void send() {
        scheduled.set(false);
        if (!inFlight.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        Optional<UUID> id = hostId.get();
        if (id.isEmpty()) {
            inFlight.set(false);
            return;
        }
        CompletableFuture<?> delivery;
        try {
            delivery = sink.send(domains.report(id.get()));
        } catch (RuntimeException e) {
            delivery = CompletableFuture.failedFuture(e);
        }
        delivery.whenComplete((ok, failure) -> {
            outcome(failure);
            inFlight.set(false);
            if (again.getAndSet(false)) {
                changed();
            }
        });
    }

    private void outcome(Throwable failure) {
        String now = failure == null ? null : String.valueOf(failure.getMessage());
        if (failure != null && !now.equals(lastFailure)) {
            LOG.warnf("%s: the domain report did not reach the control plane (%s); it is sent again later",
                    domains.hostKey(), now);
        } else if (failure == null && lastFailure != null) {
            LOG.infof("%s: domain reports reach the control plane again", domains.hostKey());
        }
        lastFailure = now;
    }
}
