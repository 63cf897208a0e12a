package org.xenplane.identity.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;

/**
 * Slows and then locks out repeated failed logins, per user name and per source address, in the
 * shared store so every replica counts the same failures. Logins from the server's own loopback
 * address are slowed but never locked out, and a user-name lock-out does not apply to them: a
 * remote attacker can lock a name out of the network, never out of the machine's console.
 */
@ApplicationScoped
public class LoginThrottle {
    private static final long MAX_WAIT_SECONDS = 60;

    private final EntityManager em;
    private final int slowdownAfter;
    private final int lockAfter;
    private final Duration lockDuration;
    private final Duration window;

    public LoginThrottle(EntityManager em,
                         IdentityConfig config) {
        this.em = em;
        this.slowdownAfter = config.lockout().slowdownAfter();
        this.lockAfter = config.lockout().lockAfter();
        this.lockDuration = config.lockout().duration();
        this.window = config.lockout().window();
    }

    /** @throws XenplaneException {@code AUTHENTICATION_LOCKED_OUT} or {@code AUTHENTICATION_THROTTLED} */
    public void check(String user, String source) {
        Instant now = Instant.now();
        boolean local = isLoopback(source);
        for (String key : keys(user, source)) {
            QuarkusTransaction.requiringNew().run(() -> checkKey(key, now, !local));
        }
    }

    public void recordFailure(String user, String source) {
        for (String key : keys(user, source)) {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    insert into login_failure as f (key, failures, last_failure_at) values (?1, 1, now())
                    on conflict (key) do update set
                      failures = case when f.last_failure_at < now() - make_interval(secs => ?2) then 1 else f.failures + 1 end,
                      last_failure_at = now(),
                      locked_until = case when f.failures + 1 >= ?3 and f.last_failure_at >= now() - make_interval(secs => ?2)
                                          then now() + make_interval(secs => ?4) else f.locked_until end
                    """).setParameter(1, key).setParameter(2, window.toSeconds()).setParameter(3, lockAfter)
                    .setParameter(4, lockDuration.toSeconds()).executeUpdate());
        }
    }

    public void recordSuccess(String user, String source) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from login_failure where key in (?1, ?2)")
                .setParameter(1, userKey(user)).setParameter(2, addressKey(source)).executeUpdate());
    }

    /** Lifts a user name's lock-out (a pool-admin's recovery action). */
    public void unlock(String user) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from login_failure where key = ?1")
                .setParameter(1, userKey(user)).executeUpdate());
    }

    private void checkKey(String key, Instant now, boolean lockable) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select failures, last_failure_at, locked_until from login_failure where key = ?1")
                .setParameter(1, key).getResultList();
        if (rows.isEmpty()) {
            return;
        }
        int failures = ((Number) rows.get(0)[0]).intValue();
        Instant last = instant(rows.get(0)[1]);
        Instant lockedUntil = instant(rows.get(0)[2]);
        if (lockable && lockedUntil != null && lockedUntil.isAfter(now)) {
            throw new XenplaneException(ErrorCode.AUTHENTICATION_LOCKED_OUT, secondsUntil(lockedUntil, now));
        }
        if (last.plus(window).isBefore(now) || failures < slowdownAfter) {
            return;
        }
        Instant nextAllowed = last.plusSeconds(Math.min(MAX_WAIT_SECONDS, failures - slowdownAfter + 1L));
        if (nextAllowed.isAfter(now)) {
            throw new XenplaneException(ErrorCode.AUTHENTICATION_THROTTLED, secondsUntil(nextAllowed, now));
        }
    }

    private static List<String> keys(String user, String source) {
        return isLoopback(source) ? List.of(addressKey(source)) : List.of(userKey(user), addressKey(source));
    }

    static boolean isLoopback(String source) {
        try {
            return source != null && !source.isEmpty() && InetAddress.getByName(source).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static String userKey(String user) {
        return "user:" + user;
    }

    private static String addressKey(String source) {
        return "addr:" + source;
    }

    private static long secondsUntil(Instant then, Instant now) {
        return Math.max(1, Duration.between(now, then).toSeconds() + 1);
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
