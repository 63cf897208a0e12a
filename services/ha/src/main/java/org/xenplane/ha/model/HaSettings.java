package org.xenplane.ha.model;

import java.time.Instant;

/**
 * The pool's HA configuration, one row of {@code ha_config}.
 *
 * @param peerToken the secret daemons present to each other; only ever sent in a heartbeat's acknowledgement
 * @param enabledAt when HA was last enabled (database clock)
 */
public record HaSettings(boolean enabled, int timeoutSeconds, int hostFailuresToTolerate, boolean allowOvercommit,
                         String peerToken, Instant enabledAt, long version) {

    public long timeoutMillis() {
        return timeoutSeconds * 1000L;
    }

    @Override
    public String toString() { // never print the token
        return "HaSettings[enabled=" + enabled + ", timeoutSeconds=" + timeoutSeconds + ", hostFailuresToTolerate="
                + hostFailuresToTolerate + ", allowOvercommit=" + allowOvercommit + ", version=" + version + "]";
    }
}
