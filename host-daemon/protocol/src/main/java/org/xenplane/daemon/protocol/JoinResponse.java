package org.xenplane.daemon.protocol;

import java.util.UUID;

/**
 * The control plane's answer to a join: the host's id and the two credentials of this host's
 * link, shown this once. The daemon keeps them in its state directory (mode 0600).
 *
 * @param hostId                 the new host's id
 * @param poolId                 the pool it joined
 * @param hostCredential         what the daemon presents to the control plane
 * @param controlPlaneCredential what the control plane presents to the daemon
 */
public record JoinResponse(UUID hostId, UUID poolId, String hostCredential, String controlPlaneCredential) {
    @Override
    public String toString() {
        return "JoinResponse[hostId=" + hostId + ", poolId=" + poolId + ", credentials=<hidden>]";
    }
}
