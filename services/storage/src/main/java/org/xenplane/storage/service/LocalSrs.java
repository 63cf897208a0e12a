package org.xenplane.storage.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.xenplane.core.daemon.HostRef;
import org.xenplane.core.daemon.Hosts;
import org.xenplane.core.daemon.StorageDaemonClient;
import org.xenplane.core.error.DatabaseFailures;
import org.xenplane.daemon.protocol.storage.LocalSrOffer;
import org.xenplane.storage.api.SrCreate;

/**
 * Local storage by default (XenServer's "Local storage"): each host that joined gets, once, the
 * {@code file} SR its daemon offers ({@code xenplane.daemon.storage.local-sr-root}), named
 * "Local storage on &lt;host&gt;", not shared, its PBD plugged; the first one becomes the pool's
 * default SR when none is set. A row of {@code local_sr} per host is the claim, so a daemon restart,
 * a rejoin under the same id or a second replica never makes a second SR, and an SR an administrator
 * destroyed is not made again. A failed create gives the claim back and is tried again a minute later.
 */
@ApplicationScoped
public class LocalSrs {
    private static final Logger LOG = Logger.getLogger(LocalSrs.class);
    /** The caller recorded on the tasks of SRs made this way. */
    static final String CALLER = "system:local-storage";
    /** A claim this old without its SR was left by a server that died meanwhile. */
    private static final int STALE_CLAIM_MINUTES = 10;
    /** How long a host whose local SR could not be made waits for the next try (not every pass: no log flood). */
    private static final Duration RETRY_AFTER = Duration.ofMinutes(1);

    private final Map<UUID, Instant> failedUntil = new ConcurrentHashMap<>();

    private final EntityManager em;
    private final Hosts hosts;
    private final StorageDaemonClient daemon;
    private final SrChanges srs;
    private final DefaultSr defaults;

    LocalSrs(EntityManager em, Hosts hosts, StorageDaemonClient daemon, SrChanges srs, DefaultSr defaults) {
        this.em = em;
        this.hosts = hosts;
        this.daemon = daemon;
        this.srs = srs;
        this.defaults = defaults;
    }

    @Scheduled(every = "${xenplane.storage.local-sr-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reconcile() {
        DatabaseFailures.skippingOutage(() -> {
            QuarkusTransaction.requiringNew().run(this::dropStaleClaims);
            Set<UUID> done = QuarkusTransaction.requiringNew().call(this::hostsWithClaims);
            Instant now = Instant.now();
            failedUntil.values().removeIf(now::isAfter);
            hosts.all().stream().filter(h -> h.live() && !done.contains(h.id()) && !failedUntil.containsKey(h.id()))
                    .forEach(this::offer);
        });
    }

    private void offer(HostRef host) {
        LocalSrOffer offer;
        try {
            offer = daemon.localSr(host);
        } catch (RuntimeException e) {
            LOG.debugf("Host %s did not say which local storage it offers (%s); asking again later", host.name(), e.getMessage());
            return;
        }
        String path = offer.path() == null ? "" : offer.path();
        if (!claim(host.id(), path) || path.isEmpty()) {
            return;
        }
        try {
            UUID srId = srs.create(new SrCreate(null, "Local storage on " + host.name(), "", "file", "user", false,
                    host.id(), Map.of("path", path)), SrOperation.CREATE, CALLER, null).value().id();
            QuarkusTransaction.requiringNew().run(() -> recorded(host.id(), srId));
            LOG.infof("Host %s has local storage %s in %s", host.name(), srId, path);
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> release(host.id()));
            failedUntil.put(host.id(), Instant.now().plus(RETRY_AFTER));
            LOG.warnf("The local storage of host %s in %s could not be made (%s); trying again in %s",
                    host.name(), path, e.getMessage(), RETRY_AFTER);
        }
    }

    private void recorded(UUID hostId, UUID srId) {
        em.createNativeQuery("update local_sr set sr_id = ?1 where host_id = ?2")
                .setParameter(1, srId).setParameter(2, hostId).executeUpdate();
        if (defaults.offer(srId)) {
            LOG.infof("The pool's default SR is now %s, the first local storage", srId);
        }
    }

    private boolean claim(UUID hostId, String path) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "insert into local_sr (host_id, path, created_at) values (?1, ?2, now()) on conflict do nothing")
                .setParameter(1, hostId).setParameter(2, path).executeUpdate() == 1);
    }

    private void release(UUID hostId) {
        em.createNativeQuery("delete from local_sr where host_id = ?1 and sr_id is null")
                .setParameter(1, hostId).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private Set<UUID> hostsWithClaims() {
        return new HashSet<>((List<UUID>) em.createNativeQuery("select host_id from local_sr").getResultList());
    }

    /** A claim whose server died before its SR was recorded: adopts the SR if it was made, else gives the claim back. */
    private void dropStaleClaims() {
        em.createNativeQuery("""
                update local_sr l set sr_id = s.id from sr s
                where l.sr_id is null and l.path <> '' and s.host_id = l.host_id and s.device_config ->> 'path' = l.path""")
                .executeUpdate();
        em.createNativeQuery("delete from local_sr where sr_id is null and path <> '' and created_at < now() - make_interval(mins => ?1)")
                .setParameter(1, STALE_CLAIM_MINUTES).executeUpdate();
    }
}
