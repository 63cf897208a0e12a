package org.xenplane.daemon.storage;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * Where an SR's qcow2 volumes live: files in a directory ({@code file}, {@code nfs}) or logical
 * volumes in a volume group ({@code lvm}). Every name is derived from a UUID, so no caller can
 * name a path outside the SR.
 */
public interface VolumeSpace {

    /** Where the volume is opened (a file or a block device). */
    Path path(UUID volume);

    /** How an overlay names this volume as its backing file (relative for files, so that each host may mount the SR elsewhere). */
    String backingReference(UUID volume);

    /** The volume a backing reference names, or null when it names nothing of this SR. */
    UUID parse(String backingReference);

    boolean exists(UUID volume);

    /** Every volume of the SR, by id. */
    List<UUID> list();

    /** Makes room for a qcow2 image of {@code virtualSize} bytes (logical volumes: lvcreate); files need none. */
    void allocate(UUID volume, long virtualSize);

    /** Makes room for the image to grow to {@code virtualSize} bytes (lvextend); files need none. */
    void grow(UUID volume, long virtualSize);

    /** Renames a volume; {@code replace} lets it take the place of an existing one. */
    void rename(UUID from, UUID to, boolean replace);

    /** Deletes a volume; a missing one is fine. */
    void remove(UUID volume);

    /** Bytes the volume takes on the SR (a file's size; a logical volume's size). */
    long physicalBytes(UUID volume);

    /** A directory for temporary files of imports and exports (on the SR when it is a file system). */
    Path staging();

    /** True when the volumes are block devices that qemu-img writes into rather than creates. */
    boolean preallocated();

    /** Makes the volume usable on this host (logical volumes: lvchange -ay); files need nothing. */
    void activate(UUID volume);

    void deactivate(UUID volume);
}
