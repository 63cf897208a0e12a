package org.xenplane.daemon.driver;

import java.util.UUID;

/**
 * Changing a running domain. Each throws {@code ERROR_DOMAIN_NOTFOUND} when the domain does not
 * exist. Pause and unpause are idempotent: pausing a paused domain does nothing.
 */
public interface DomainControl {

    void pause(UUID vmId);

    void unpause(UUID vmId);

    /** Asks the guest to power off and returns at once; the guest may take its time, or ignore it. */
    void requestShutdown(UUID vmId);

    /** Asks the guest to reboot and returns at once. */
    void requestReboot(UUID vmId);

    /** Sets the balloon target; {@code ERROR_INVAL} above the domain's maximum. */
    void setMemoryTarget(UUID vmId, long bytes);

    /** Sets how many vCPUs are online; {@code ERROR_INVAL} above the domain's maximum. */
    void setVcpusOnline(UUID vmId, int online);
}
