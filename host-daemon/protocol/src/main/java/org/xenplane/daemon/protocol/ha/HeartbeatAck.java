package org.xenplane.daemon.protocol.ha;

/**
 * The control plane's answer to a heartbeat ({@code 200}, this body). A daemon that gets
 * {@code 204} (an older control plane) treats it as {@code ha} disabled.
 *
 * @param ha the host's HA terms; never null ({@link HaLease#disabled()} without HA)
 */
public record HeartbeatAck(HaLease ha) {
    public HeartbeatAck {
        ha = ha == null ? HaLease.disabled() : ha;
    }
}
