package org.xenplane.daemon.protocol;

import java.util.UUID;

/**
 * A daemon's answer to {@code GET .../info}: which host it serves, with which driver, and the facts.
 *
 * @param hostId the control plane's id of the host
 * @param driver the hypervisor driver, {@code simulator} or {@code libxl}
 * @param facts  CPUs, memory and versions now
 */
public record DaemonHostInfo(UUID hostId, String driver, HostFacts facts) {
}
