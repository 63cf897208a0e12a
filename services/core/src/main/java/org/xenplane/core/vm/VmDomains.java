package org.xenplane.core.vm;

import java.util.Optional;
import java.util.UUID;
import org.xenplane.core.network.Nic;
import org.xenplane.core.storage.VmDisk;

/**
 * What the network and storage services need to know of VMs and ask of their domains. The VM service provides
 * the implementation (a bean of this type); until it is in the process, {@link NoVmDomains}
 * answers: every VM counts as halted, so no VIF can be hot-plugged.
 */
public interface VmDomains {

    /** Whether the VM exists (a VIF is created only for an existing VM). */
    boolean exists(UUID vmId);

    /** The host the VM's domain runs on (running or paused: XenAPI {@code resident_on}), or empty. */
    Optional<UUID> residentHost(UUID vmId);

    /**
     * Whether the VM has an operation under way that will attach its disks (a start or resume that
     * was admitted but may not have reached its {@code vbd_attach} step yet): such a VM holds its
     * disks as if they were attached (XenAPI marks the VBDs of a starting VM). Read in the caller's
     * transaction, after it locked the VM's VBD rows: the admission that marks the VM holds those
     * rows ({@link org.xenplane.core.storage.VmStorage#holdDisksForAttach}) until it commits. A process without the
     * VM service answers false.
     */
    default boolean attachingDisks(UUID vmId) {
        return false;
    }

    /** The VM's power state as XenAPI names it ({@code Halted}, {@code Running}, ...), for errors. */
    String powerState(UUID vmId);

    /** Hot-plugs a NIC into the VM's running domain (its bridge exists on the host already). */
    void plugNic(UUID vmId, UUID hostId, Nic nic);

    /** Hot-unplugs a NIC from the VM's running domain. */
    void unplugNic(UUID vmId, UUID hostId, Nic nic);

    /** Hot-plugs a disk into the VM's running domain (the storage service attached it on the host already). */
    void plugDisk(UUID vmId, UUID hostId, VmDisk disk);

    /** Hot-unplugs the disk with this device name from the VM's running domain. */
    void unplugDisk(UUID vmId, UUID hostId, String device);

    /** Puts {@code medium} into its CD drive in the VM's running domain, or ejects when it has no path. */
    void changeMedium(UUID vmId, UUID hostId, VmDisk medium);
}
