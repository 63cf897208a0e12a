package org.xenplane.daemon.protocol;

import java.time.Instant;
import java.util.UUID;

/**
 * A domain that recently ended, kept for a while so that the control plane learns why a VM's
 * domain is gone (the guest powered off, crashed, was destroyed, or moved away).
 *
 * @param vmId       the domain's uuid
 * @param domid      its last domain id
 * @param reason     why it ended
 * @param generation the host's domain generation when it ended
 * @param at         when (daemon clock)
 */
public record DomainEnded(UUID vmId, int domid, ShutdownReason reason, long generation, Instant at) {
}
