package org.xenplane.core.error;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Tells a database outage from every other failure. An outage is PostgreSQL refusing or dropping
 * the connection (SQLState class 08), shutting down or not yet accepting connections (57P01,
 * 57P02, 57P03), out of connection slots (53300), or the connection pool (Agroal) getting no
 * connection within its acquisition timeout. Anywhere in the cause chain counts, since Hibernate, Agroal and the transaction manager
 * each wrap the driver's exception. Everything else, a bad statement or a constraint included,
 * is not an outage: a bug stays a bug.
 */
public final class DatabaseFailures {
    /** What {@code Retry-After} says during an outage: about one pool acquisition timeout and a bit. */
    public static final int RETRY_AFTER_SECONDS = 5;

    /** Shut down by an administrator, after a crash, or not accepting connections yet; too many connections. */
    private static final Set<String> SERVER_UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");
    /** Class 08 but the server answered: a message the driver or server found malformed is a bug. */
    private static final String PROTOCOL_VIOLATION = "08P01";
    private static final int MAX_LINKS = 64;

    private DatabaseFailures() {
    }

    /** True when the failure, or anything it wraps, says the database cannot be reached now. */
    public static boolean isUnavailable(Throwable failure) {
        return outageIn(failure).isPresent();
    }

    /** The exception in the chain that shows the outage (for the log), if there is one. */
    public static Optional<Throwable> outageIn(Throwable failure) {
        Deque<Throwable> pending = new ArrayDeque<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        pending.add(failure);
        while (!pending.isEmpty() && seen.size() < MAX_LINKS) {
            Throwable t = pending.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (showsOutage(t)) {
                return Optional.of(t);
            }
            addIfPresent(pending, t.getCause());
            for (Throwable suppressed : t.getSuppressed()) {
                addIfPresent(pending, suppressed);
            }
            if (t instanceof SQLException sql) {
                addIfPresent(pending, sql.getNextException());
            }
        }
        return Optional.empty();
    }

    private static void addIfPresent(Deque<Throwable> pending, Throwable link) {
        if (link != null) {
            pending.add(link);
        }
    }

    /**
     * Runs a background pass (a scheduled job) that has nothing to do while the database is away: an
     * outage ends it quietly, to be run again at its next turn; any other failure is thrown.
     */
    public static void skippingOutage(Runnable pass) {
        try {
            pass.run();
        } catch (RuntimeException e) {
            if (!isUnavailable(e)) {
                throw e;
            }
        }
    }

    /** The problem for a request that met an outage: 503 with {@code Retry-After}. */
    public static XenplaneException unavailable(Throwable cause) {
        return new XenplaneException(ErrorCode.DATABASE_UNAVAILABLE, cause, RETRY_AFTER_SECONDS);
    }

    private static boolean showsOutage(Throwable t) {
        if (t instanceof JDBCConnectionException jdbc) {
            return !PROTOCOL_VIOLATION.equals(jdbc.getSQLState());
        }
        if (t instanceof SQLException sql) {
            return isOutageState(sql.getSQLState()) || isPoolTimeout(sql);
        }
        return false;
    }

    static boolean isOutageState(String state) {
        if (state == null) {
            return false;
        }
        return (state.startsWith("08") && !PROTOCOL_VIOLATION.equals(state)) || SERVER_UNAVAILABLE_STATES.contains(state);
    }

    /**
     * Agroal's "Sorry, acquisition timeout!", "Acquisition timeout while waiting for new connection"
     * and "Acquisition timeout on health check": plain SQLExceptions with no SQLState.
     */
    private static boolean isPoolTimeout(SQLException sql) {
        String message = sql.getMessage();
        return sql.getSQLState() == null && message != null
                && message.toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }
}
