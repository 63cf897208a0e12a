package org.xenplane.daemon.ha;

import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.xenplane.daemon.driver.HypervisorDriver;
import org.xenplane.daemon.protocol.DomainInfo;

/**
 * Fencing itself: destroys every domain the hypervisor holds for the host, through the driver
 * directly (no lock an operation in progress could hold, no guest asked). The domain manager's
 * next sweep reports them gone.
 */
public final class HostFencer {
    private static final Logger LOG = Logger.getLogger(HostFencer.class);

    private HostFencer() {
    }

    /** Destroys every domain; true when none is left. */
    public static boolean fence(String key, HypervisorDriver driver) {
        List<DomainInfo> domains;
        try {
            domains = driver.list();
        } catch (RuntimeException e) {
            LOG.errorf("%s: fencing cannot list the domains (%s)", key, e.getMessage());
            return false;
        }
        for (DomainInfo domain : domains) {
            destroy(key, driver, domain.vmId());
        }
        try {
            return driver.list().isEmpty();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void destroy(String key, HypervisorDriver driver, UUID vmId) {
        try {
            driver.destroy(vmId);
        } catch (RuntimeException e) {
            LOG.errorf("%s: fencing could not destroy the domain of VM %s (%s)", key, vmId, e.getMessage());
        }
    }
}
