package org.xenplane.core.network;

import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The {@link VmNetworking} of a process without the network service and without
 * {@code xenplane.network.url} (a VM service tested on its own schema): no network service, so no
 * VIFs, and VMs start without NICs, on any host. Said once in the log at start-up.
 */
public class NetworkingNotInProcess implements VmNetworking {
    private static final Logger LOG = Logger.getLogger(NetworkingNotInProcess.class);

    public NetworkingNotInProcess() {
        LOG.info("no network service in this process and xenplane.network.url is not set: VMs get no NICs");
    }

    @Override
    public List<Nic> nicsForVm(UUID vmId) {
        return List.of();
    }

    @Override
    public void assertHostCanAttach(UUID vmId, UUID hostId) {
        // no networks: every host can give the VM what it has
    }

    @Override
    public List<Nic> ensureNetworksOnHost(UUID vmId, UUID hostId) {
        return List.of();
    }

    @Override
    public void setVifsAttached(UUID vmId, boolean attached) {
        // no VIFs to mark
    }

    @Override
    public int copyVifs(UUID fromVm, UUID toVm) {
        return 0;
    }

    @Override
    public int destroyVifs(UUID vmId) {
        return 0;
    }
}
