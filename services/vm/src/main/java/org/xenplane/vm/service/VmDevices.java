package org.xenplane.vm.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.network.Nic;
import org.xenplane.core.network.VmNetworking;
import org.xenplane.core.storage.VmDisk;
import org.xenplane.core.storage.VmStorage;
import org.xenplane.daemon.protocol.DomainSpec;
import org.xenplane.daemon.protocol.NicSpec;

/**
 * A VM's disks and NICs as its domain gets them: the storage service attaches the disks on the
 * host (and decides, atomically, that no other running VM holds a read-write disk), the network
 * service makes each network's bridge exist there, and the domain spec carries both to the
 * hypervisor driver. What a host cannot give (an SR not plugged there, a network without a PIF
 * there) rules it out of placement.
 */
@ApplicationScoped
public class VmDevices {
    private final VmStorage storage;
    private final VmNetworking networking;

    public VmDevices(VmStorage storage, VmNetworking networking) {
        this.storage = storage;
        this.networking = networking;
    }

    /**
     * In the admission of an operation that will attach the VM's disks: holds its VBD rows until the
     * admission commits, so that a VDI destroy, resize or copy either ran before it or sees the VM
     * attaching its disks ({@code VDI_IN_USE}).
     */
    public void holdDisksForAttach(UUID vmId) {
        storage.holdDisksForAttach(vmId);
    }

    /** Refuses ({@code SR_NOT_ATTACHED}, {@code HOST_CANNOT_ATTACH_NETWORK}) when the host cannot give the VM its devices. In a transaction. */
    public void assertHostCanAttach(UUID vmId, UUID hostId) {
        storage.assertHostCanAttach(vmId, hostId);
        networking.assertHostCanAttach(vmId, hostId);
    }

    /** Whether the host can give the VM its devices. In a transaction. */
    public boolean canAttach(UUID vmId, UUID hostId) {
        try {
            assertHostCanAttach(vmId, hostId);
            return true;
        } catch (XenplaneException e) {
            return false;
        }
    }

    /** Attaches the VM's disks on the host; answers the spec with them (undo: {@link #detachDisks}). */
    public DomainSpec attachDisks(DomainSpec spec, UUID hostId, String operationId) {
        List<VmDisk> disks = storage.attachDisks(spec.vmId(), hostId, operationId);
        return spec.withDevices(disks.stream().map(VmDisk::spec).toList(), spec.nics());
    }

    /** Makes the VM's networks exist on the host; answers the spec with its NICs. Needs no undo. */
    public DomainSpec ensureNetworks(DomainSpec spec, UUID hostId) {
        List<Nic> nics = networking.ensureNetworksOnHost(spec.vmId(), hostId);
        return spec.withDevices(spec.disks(), nics.stream().map(VmDevices::nic).toList());
    }

    /** The disks of a live migration's destination (undo: {@link #abortMove}). */
    public DomainSpec prepareMove(DomainSpec spec, UUID toHost, String operationId) {
        List<VmDisk> disks = storage.prepareMove(spec.vmId(), toHost, operationId);
        return spec.withDevices(disks.stream().map(VmDisk::spec).toList(), spec.nics());
    }

    public void completeMove(UUID vmId, UUID toHost, String operationId) {
        storage.completeMove(vmId, toHost, operationId);
    }

    public void abortMove(UUID vmId, UUID toHost, String operationId) {
        storage.abortMove(vmId, toHost, operationId);
    }

    /** Detaches the VM's disks once its domain is gone. Idempotent. */
    public void detachDisks(UUID vmId, String operationId) {
        storage.detachDisks(vmId, operationId);
    }

    /** Records the VM's VIFs attached or not; in the transaction that records the VM's power state. */
    public void setVifsAttached(UUID vmId, boolean attached) {
        networking.setVifsAttached(vmId, attached);
    }

    /** Copies the VM's VIFs to a new VM (new MACs), once the new VM is recorded; outside a transaction. */
    public void copyVifs(UUID fromVm, UUID toVm) {
        networking.copyVifs(fromVm, toVm);
    }

    /** Deletes the VM's VIFs, before its record goes; outside a transaction. */
    public void destroyVifs(UUID vmId) {
        networking.destroyVifs(vmId);
    }

    public VmStorage storage() {
        return storage;
    }

    static NicSpec nic(Nic nic) {
        return new NicSpec(nic.mac(), nic.bridge(), nic.mtu(), nic.model());
    }
}
