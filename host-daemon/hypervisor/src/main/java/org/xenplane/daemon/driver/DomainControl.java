package org.xenplane.daemon.driver;

import java.util.UUID;

/**
 * Changing a running domain. Each throws {@code ERROR_DOMAIN_NOTFOUND} when the domain does not
 * exist. Pause and unpause are idempotent: pausing a paused domain does nothing.
 */
public interface DomainControl {

    void pause(UUID vmId);

    void unpause(UUID vmId);

    /**
     * Asks the guest to power off; the guest may take its time, or ignore it. The simulator returns
     * at once; libxl returns once the guest has acknowledged the request (seconds, or tens of
     * seconds for a guest still booting), not when it has powered off.
     */
    void requestShutdown(UUID vmId);

    /** Asks the guest to reboot; returns as {@link #requestShutdown} does. */
    void requestReboot(UUID vmId);

    /** Sets the balloon target; {@code ERROR_INVAL} above the domain's maximum. */
    void setMemoryTarget(UUID vmId, long bytes);

    /** Sets how many vCPUs are online; {@code ERROR_INVAL} above the domain's maximum. */
    void setVcpusOnline(UUID vmId, int online);
}
