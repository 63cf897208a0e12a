package org.xenplane.core.network;

import java.util.List;
import java.util.UUID;

/**
 * What the VM service needs of networking: a VM's whole set of NICs at once (the contract is in
 * docs/network.md). The network service provides the implementation (a bean of this type) over
 * its own tables; a VM service in another process reaches it over REST ({@link NetworkingOverRest},
 * when {@code xenplane.network.url} is set), and a process with neither has VMs without NICs
 * ({@link NetworkingNotInProcess}). {@link VmNetworkingChoice} picks, as {@code VmStorageChoice}
 * does for storage.
 */
public interface VmNetworking {

    /** The VM's NICs in device order, each with its network's bridge. */
    List<Nic> nicsForVm(UUID vmId);

    /**
     * Refuses with {@code HOST_CANNOT_ATTACH_NETWORK} when the host cannot reach a network of the
     * VM's VIFs; changes nothing. Placement calls it in its transaction for each candidate host, so
     * an implementation that would have to ask another process accepts every host here and leaves
     * the refusal to {@link #ensureNetworksOnHost}.
     */
    void assertHostCanAttach(UUID vmId, UUID hostId);

    /**
     * Makes the bridge of each of the VM's networks exist on the host, with its uplink (through the
     * host's daemon), and answers the VM's NICs. Call it outside a transaction: it waits for the
     * daemon. Idempotent.
     *
     * @throws org.xenplane.core.error.XenplaneException {@code HOST_CANNOT_ATTACH_NETWORK} when a network has
     *         PIFs but none on this host; {@code BRIDGE_MISSING}; {@code HOST_OFFLINE}; the daemon's refusals
     */
    List<Nic> ensureNetworksOnHost(UUID vmId, UUID hostId);

    /**
     * Sets the VM's VIFs' currently-attached flags, with an event for each VIF that changed. The VM
     * service calls it in the transaction that records the VM's power state: in process it is part
     * of that transaction; over REST it is sent once that transaction has committed.
     */
    void setVifsAttached(UUID vmId, boolean attached);

    /**
     * Gives {@code toVm} a copy of each of {@code fromVm}'s VIFs (same device, network, MTU, model,
     * locking), each with a new random MAC, unattached; an event for each. Does nothing when
     * {@code toVm} has VIFs already, so a retried copy makes them once. Call it outside a
     * transaction. Returns how many it made.
     */
    int copyVifs(UUID fromVm, UUID toVm);

    /** Deletes the VM's VIFs, with an event for each; returns how many. Call it outside a transaction. Idempotent. */
    int destroyVifs(UUID vmId);
}
