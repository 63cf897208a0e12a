package org.xenplane.xenapi.service.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.xenplane.xenapi.service.Session;
import org.xenplane.xenapi.wire.XenApiFailure;

/**
 * The older event API's per-session state ({@code event.register}): what a session follows and
 * the token its next {@code event.next} reads after. Kept in this process, for the most recent
 * {@value #MAX} sessions that registered (a session logged out elsewhere just ages out).
 */
final class Registrations {
    static final int MAX = 10_000;

    record Registration(Subscriptions subs, long token) {
    }

    private final Map<UUID, Registration> bySession = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Registration> eldest) {
            return size() > MAX;
        }
    };

    synchronized void register(Session s, Subscriptions subs, LongSupplier current) {
        Registration r = bySession.get(s.id());
        bySession.put(s.id(), r == null ? new Registration(subs, current.getAsLong()) : new Registration(r.subs().plus(subs), r.token()));
    }

    synchronized void unregister(Session s, Subscriptions subs) {
        Registration r = bySession.get(s.id());
        if (r != null) {
            bySession.put(s.id(), new Registration(r.subs().minus(subs), r.token()));
        }
    }

    /** The session's registration; SESSION_NOT_REGISTERED [session uuid] when it has none. */
    synchronized Registration of(Session s) {
        Registration r = bySession.get(s.id());
        if (r == null) {
            throw new XenApiFailure("SESSION_NOT_REGISTERED", s.id());
        }
        return r;
    }

    /** Moves the session's token on, unless it registered anew meanwhile. */
    synchronized void advance(Session s, Registration read, long token) {
        Registration now = bySession.get(s.id());
        if (now != null) {
            bySession.put(s.id(), new Registration(now.subs(), Math.max(now.token(), token)));
        }
    }
}
