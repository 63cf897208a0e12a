package org.xenplane.ha.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.xenplane.core.ha.HaTerms;
import org.xenplane.ha.model.HaSettings;

/**
 * The ha service's side of core's {@link HaTerms} seam, in process: the terms heartbeats are
 * acknowledged with, read from {@code ha_config} at most once per {@code xenplane.ha.terms-cache}
 * (the heartbeat is the hottest call; no heartbeat waits for more than one read).
 */
@ApplicationScoped
public class CachedHaTerms implements HaTerms {
    private final HaStore store;
    private final long ttlNanos;
    private volatile Cached cached;

    public CachedHaTerms(HaStore store, HaConfig config) {
        this.store = store;
        this.ttlNanos = config.termsCache().toNanos();
    }

    @Override
    public Terms current() {
        Cached c = cached;
        long now = System.nanoTime();
        if (c == null || now - c.readAtNanos() > ttlNanos) {
            HaSettings s = QuarkusTransaction.joiningExisting().call(() -> store.settings(false));
            c = new Cached(s.enabled() ? new Terms(true, s.timeoutMillis(), s.peerToken()) : Terms.DISABLED, now);
            cached = c;
        }
        return c.terms();
    }

    private record Cached(Terms terms, long readAtNanos) {
    }
}
