package org.xenplane.daemon.heartbeat;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jboss.logging.Logger;

/**
 * Logs each host's heartbeat outcome only when it changes, so a control plane that is down for an
 * hour costs one WARN line per host, not one per heartbeat; recovery is one INFO line.
 */
final class OutcomeLog {
    static final String OK = "ok";
    private static final Logger LOG = Logger.getLogger(HeartbeatSender.class);

    private final ConcurrentMap<String, String> last = new ConcurrentHashMap<>();

    /** Records an outcome ({@link #OK} or a short description); returns whether it was logged. */
    boolean record(String key, String outcome) {
        String previous = last.put(key, outcome);
        if (outcome.equals(previous) || (previous == null && OK.equals(outcome))) {
            return false;
        }
        if (OK.equals(outcome)) {
            LOG.infof("%s: heartbeats reach the control plane again", key);
        } else {
            LOG.warnf("%s: heartbeat failed: %s (logged once until the outcome changes)", key, outcome);
        }
        return true;
    }
}
