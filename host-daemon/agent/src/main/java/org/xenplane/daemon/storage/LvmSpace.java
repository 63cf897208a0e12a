package org.xenplane.daemon.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Volumes as logical volumes {@code vol-<uuid>} of one volume group, each holding a qcow2 image
 * (the way XenServer's LVHD keeps VHDs in logical volumes). Logical volumes are thick: each is
 * sized for its image fully written, plus qcow2's metadata. Backing files are named by their
 * absolute device path {@code /dev/<vg>/vol-<uuid>}, the same on every host.
 */
public class LvmSpace implements VolumeSpace {
    private static final Pattern NAME = Pattern.compile(
            ".*vol-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");
    private static final long MIB = 1024 * 1024;

    private final String vg;
    private final Commands commands;
    private final Path staging;

    public LvmSpace(String vg, Commands commands, Path staging) {
        this.vg = vg;
        this.commands = commands;
        this.staging = staging;
    }

    /** The size of a logical volume that holds a qcow2 image of {@code virtualSize} bytes fully written. */
    static long lvSize(long virtualSize) {
        // L2 tables take 8 bytes per 64 KiB cluster, refcounts 2; header, L1 and slack fit in 4 MiB.
        long bytes = virtualSize + virtualSize / 4096 + 4 * MIB;
        return (bytes + 4 * MIB - 1) / (4 * MIB) * (4 * MIB);
    }

    private static String lv(UUID volume) {
        return "vol-" + volume;
    }

    @Override
    public Path path(UUID volume) {
        return Path.of("/dev", vg, lv(volume));
    }

    @Override
    public String backingReference(UUID volume) {
        return path(volume).toString();
    }

    @Override
    public UUID parse(String reference) {
        if (reference == null) {
            return null;
        }
        Matcher m = NAME.matcher(reference);
        return m.matches() ? UUID.fromString(m.group(1)) : null;
    }

    @Override
    public boolean exists(UUID volume) {
        return list().contains(volume);
    }

    @Override
    public List<UUID> list() {
        String out = commands.run(List.of("lvs", "--noheadings", "-o", "lv_name", vg)).stdout();
        List<UUID> ids = new ArrayList<>();
        for (String line : out.split("\n")) {
            UUID id = parse(line.trim());
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    @Override
    public void allocate(UUID volume, long virtualSize) {
        commands.run(List.of("lvcreate", "-q", "-y", "-W", "n", "-n", lv(volume), "-L", lvSize(virtualSize) + "b", vg));
    }

    @Override
    public void grow(UUID volume, long virtualSize) {
        long wanted = lvSize(virtualSize);
        if (lvBytes(volume) < wanted) {
            commands.run(List.of("lvextend", "-q", "-L", wanted + "b", vg + "/" + lv(volume)));
        }
    }

    @Override
    public void rename(UUID from, UUID to, boolean replace) {
        if (replace) {
            remove(to);
        }
        commands.run(List.of("lvrename", "-q", vg, lv(from), lv(to)));
    }

    @Override
    public void remove(UUID volume) {
        if (exists(volume)) {
            commands.run(List.of("lvremove", "-q", "-y", vg + "/" + lv(volume)));
        }
    }

    @Override
    public long physicalBytes(UUID volume) {
        return lvBytes(volume);
    }

    private long lvBytes(UUID volume) {
        String out = commands.run(List.of("lvs", "--noheadings", "--units", "b", "--nosuffix", "-o", "lv_size",
                vg + "/" + lv(volume))).stdout().trim();
        return Long.parseLong(out);
    }

    @Override
    public Path staging() {
        try {
            return Files.createDirectories(staging);
        } catch (java.io.IOException e) {
            throw new StorageFailure("cannot create " + staging + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean preallocated() {
        return true;
    }

    @Override
    public void activate(UUID volume) {
        commands.run(List.of("lvchange", "-q", "-ay", vg + "/" + lv(volume)));
    }

    @Override
    public void deactivate(UUID volume) {
        commands.run(List.of("lvchange", "-q", "-an", vg + "/" + lv(volume)));
    }
}
