package org.xenplane.daemon.link;

import org.xenplane.daemon.protocol.ha.HeartbeatAck;

/**
 * The control plane's answer to one heartbeat.
 *
 * @param status the HTTP status
 * @param ack    the acknowledgement when the heartbeat was recorded (200 with a readable body, or
 *               204 read as HA disabled); null otherwise, an unreadable 200 included
 */
public record HeartbeatAnswer(int status, HeartbeatAck ack) {
    public boolean acknowledged() {
        return ack != null;
    }
}
