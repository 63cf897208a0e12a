package org.xenplane.daemon.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.xenplane.daemon.api.DaemonException;
import org.xenplane.daemon.protocol.WireError;
import org.xenplane.daemon.protocol.storage.ForkResult;
import org.xenplane.daemon.protocol.storage.ImageFormat;
import org.xenplane.daemon.protocol.storage.VolumeInfo;

/**
 * The volume operations of every SR type, on qcow2 images kept in a {@link VolumeSpace}.
 *
 * <p>Snapshots and clones are backing-file chains, as XenServer's VHD chains: forking volume A
 * renames its image to a new hidden base B, then creates two empty overlays on B, A itself and
 * the new leaf. Deleting a leaf can leave B with one child C; coalescing then commits C's
 * changes into B and gives B C's name, so chains shrink again. Every operation that fails
 * removes what it created and puts back what it renamed.
 */
public class QcowVolumes {
    private final VolumeSpace space;
    private final QemuImg qemu;

    public QcowVolumes(VolumeSpace space, QemuImg qemu) {
        this.space = space;
        this.qemu = qemu;
    }

    public VolumeSpace space() {
        return space;
    }

    public VolumeInfo info(UUID id) {
        requireExists(id);
        Qcow2Header header = Qcow2Header.read(space.path(id));
        return new VolumeInfo(id, header.virtualSize(), space.physicalBytes(id),
                space.parse(header.backingFile()), ImageFormat.QCOW2.id(), space.path(id).toString());
    }

    public List<VolumeInfo> list() {
        List<VolumeInfo> all = new ArrayList<>();
        for (UUID id : space.list()) {
            all.add(info(id));
        }
        return all;
    }

    /** A new empty volume. Repeating a create that succeeded answers the same volume. */
    public VolumeInfo create(UUID id, long virtualSize) {
        if (space.exists(id)) {
            VolumeInfo existing = info(id);
            if (existing.virtualSize() == virtualSize && existing.parentId() == null) {
                return existing;
            }
            throw new StorageFailure("volume " + id + " already exists with another size");
        }
        space.allocate(id, virtualSize);
        try {
            qemu.create(space.path(id), virtualSize, null);
        } catch (RuntimeException e) {
            space.remove(id);
            throw e;
        }
        return info(id);
    }

    public void remove(UUID id) {
        space.remove(id);
    }

    /** Grows the volume; the guest sees the new size at its next attach. */
    public VolumeInfo resize(UUID id, long virtualSize) {
        VolumeInfo current = info(id);
        if (virtualSize < current.virtualSize()) {
            throw new StorageFailure("volume " + id + " is " + current.virtualSize() + " bytes; shrinking is not supported");
        }
        if (virtualSize == current.virtualSize()) {
            return current;
        }
        space.grow(id, virtualSize);
        qemu.resize(space.path(id), virtualSize);
        return info(id);
    }

    /** Snapshot or clone: see the class comment. Repeating a fork that succeeded answers the same volumes. */
    public ForkResult fork(UUID id, UUID baseId, UUID leafId) {
        if (space.exists(baseId) && space.exists(id) && space.exists(leafId)
                && baseId.equals(info(id).parentId()) && baseId.equals(info(leafId).parentId())) {
            return new ForkResult(info(baseId), info(id), info(leafId));
        }
        VolumeInfo original = info(id);
        if (space.exists(baseId) || space.exists(leafId)) {
            throw new StorageFailure("volume " + baseId + " or " + leafId + " already exists");
        }
        long size = original.virtualSize();
        space.rename(id, baseId, false);
        boolean originalRecreated = false;
        try {
            overlay(id, baseId, size);
            originalRecreated = true;
            overlay(leafId, baseId, size);
        } catch (RuntimeException e) {
            space.remove(leafId);
            if (originalRecreated) {
                space.remove(id);
            }
            space.rename(baseId, id, true);
            throw e;
        }
        return new ForkResult(info(baseId), info(id), info(leafId));
    }

    private void overlay(UUID id, UUID baseId, long size) {
        space.allocate(id, size);
        try {
            qemu.create(space.path(id), size, space.backingReference(baseId));
        } catch (RuntimeException e) {
            space.remove(id);
            throw e;
        }
    }

    /**
     * Merges the hidden base {@code parentId} into its only remaining child {@code id}: the child's
     * changes are committed into the base, and the base takes the child's name.
     */
    public VolumeInfo coalesce(UUID id, UUID parentId) {
        VolumeInfo child = info(id);
        if (!parentId.equals(child.parentId())) {
            if (!space.exists(parentId)) {
                return child; // done before: the parent already took the child's place
            }
            throw new StorageFailure("volume " + id + " is not an overlay on " + parentId);
        }
        VolumeInfo parent = info(parentId);
        if (parent.virtualSize() < child.virtualSize()) {
            space.grow(parentId, child.virtualSize());
        }
        qemu.commit(space.path(id));
        space.rename(parentId, id, true);
        return info(id);
    }

    /** A full, flattened copy into {@code target} (another SR, or this one). */
    public VolumeInfo copyTo(UUID id, QcowVolumes target, UUID targetId) {
        VolumeInfo source = info(id);
        if (target.space.exists(targetId)) {
            throw new StorageFailure("volume " + targetId + " already exists");
        }
        target.write(targetId, space.path(id), ImageFormat.QCOW2, source.virtualSize());
        return target.info(targetId);
    }

    /**
     * Replaces the content of volume {@code id} with an image (a file this daemon received),
     * converted to qcow2 and grown to {@code virtualSize}. The volume keeps its size; an image
     * larger than it is refused before anything changes.
     */
    public VolumeInfo importImage(UUID id, Path image, ImageFormat format, long virtualSize) {
        requireExists(id);
        inspect(id, image, format, virtualSize);
        write(id, image, format, virtualSize);
        return info(id);
    }

    private void write(UUID id, Path source, ImageFormat format, long virtualSize) {
        if (space.preallocated()) {
            boolean existed = space.exists(id);
            if (!existed) {
                space.allocate(id, virtualSize);
            }
            try {
                qemu.create(space.path(id), virtualSize, null);
                qemu.convert(source, format, space.path(id), ImageFormat.QCOW2, true);
            } catch (RuntimeException e) {
                if (!existed) {
                    space.remove(id);
                }
                throw e;
            }
            return;
        }
        Path part = space.staging().resolve(id + ".part.qcow2");
        try {
            qemu.convert(source, format, part, ImageFormat.QCOW2, false);
            if (qemu.info(part, ImageFormat.QCOW2).virtualSize() < virtualSize) {
                qemu.resize(part, virtualSize);
            }
            Files.move(part, space.path(id), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StorageFailure("cannot put volume " + id + " in place: " + e.getMessage(), e);
        } finally {
            deleteQuietly(part);
        }
    }

    /**
     * Refuses an uploaded image that is not what it claims, that refers to other files (a backing
     * or external data file could read anything on the host), that is corrupt, or that is larger
     * than the volume.
     */
    private void inspect(UUID id, Path image, ImageFormat format, long virtualSize) {
        long imageSize;
        if (format == ImageFormat.RAW) {
            try {
                imageSize = Files.size(image);
            } catch (IOException e) {
                throw new StorageFailure("cannot read the uploaded image: " + e.getMessage(), e);
            }
        } else {
            QemuImg.Info info;
            try {
                info = qemu.info(image, null);
            } catch (StorageFailure e) {
                throw rejected("not a qcow2 image");
            }
            if (!"qcow2".equals(info.format())) {
                throw rejected("the image is " + info.format() + ", not qcow2");
            }
            if (info.backingFile() != null || info.dataFile() != null) {
                throw rejected("the image refers to another file (backing or data file); upload a flattened image");
            }
            try {
                qemu.check(image);
            } catch (StorageFailure e) {
                throw rejected("qemu-img check found errors in the image");
            }
            imageSize = info.virtualSize();
        }
        if (imageSize > virtualSize) {
            throw new DaemonException(WireError.VDI_TOO_SMALL, java.util.Map.of("vdi", id.toString(),
                    "virtual_size", Long.toString(virtualSize), "image_size", Long.toString(imageSize)),
                    "the image is larger than the VDI");
        }
    }

    private static DaemonException rejected(String reason) {
        return new DaemonException(WireError.VDI_CONTENT_INVALID, java.util.Map.of("reason", reason), reason);
    }

    /** The volume's whole content (chain flattened) in a temporary file in {@code format}; the caller deletes it. */
    public Path export(UUID id, ImageFormat format) {
        requireExists(id);
        Path out = space.staging().resolve(UUID.randomUUID() + ".export." + format.id());
        try {
            qemu.convert(space.path(id), ImageFormat.QCOW2, out, format, false);
            return out;
        } catch (RuntimeException e) {
            deleteQuietly(out);
            throw e;
        }
    }

    /** Activates the volume and its whole backing chain (logical volumes); answers what the hypervisor opens. */
    public VolumeInfo activate(UUID id) {
        List<UUID> chain = new ArrayList<>();
        for (UUID v = id; v != null && chain.size() < 256; ) {
            space.activate(v);
            chain.add(v);
            v = info(v).parentId();
        }
        return info(id);
    }

    public void deactivate(UUID id) {
        if (space.exists(id)) {
            space.deactivate(id);
        }
    }

    private void requireExists(UUID id) {
        if (!space.exists(id)) {
            throw new VolumeMissing(id);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file; the next staging clean-up removes it
        }
    }

    /** The volume does not exist on the SR. */
    public static class VolumeMissing extends RuntimeException {
        private final UUID id;

        public VolumeMissing(UUID id) {
            super("no volume " + id, null, false, false);
            this.id = id;
        }

        public UUID id() {
            return id;
        }
    }
}
