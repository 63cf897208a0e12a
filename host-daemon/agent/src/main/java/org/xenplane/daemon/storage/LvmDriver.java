package org.xenplane.daemon.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xenplane.daemon.protocol.storage.SrStats;

/**
 * {@code lvm}: a volume group {@code xenplane-<sr uuid>} on a block device, through the lvm2
 * tools. Device config: {@code device}, a block device under {@code /dev}. Volumes are logical
 * volumes holding qcow2 images ({@link LvmSpace}); snapshots and clones are qcow2 overlays in
 * new logical volumes, as on the other types, and need the kernel's device-mapper to activate.
 */
public class LvmDriver implements StorageDriver {
    private final Commands commands;
    private final Path staging;

    public LvmDriver(Commands commands, Path staging) {
        this.commands = commands;
        this.staging = staging;
    }

    @Override
    public String type() {
        return "lvm";
    }

    static String vg(SrHandle sr) {
        return "xenplane-" + sr.srId();
    }

    @Override
    public void validate(Map<String, String> config) {
        DeviceConfigs.onlyKeys(config, Set.of("device"), Set.of());
        Path device = DeviceConfigs.absolutePath(config, "device");
        if (!device.startsWith("/dev") || device.getNameCount() < 2) {
            throw DeviceConfigs.invalid("device", "a block device under /dev");
        }
    }

    private String device(SrHandle sr) {
        String device = sr.deviceConfig().get("device");
        if (!Files.exists(Path.of(device))) {
            throw new StorageFailure(device + " does not exist on this host");
        }
        return device;
    }

    @Override
    public void create(SrHandle sr) {
        if (exists(sr)) {
            return;
        }
        String device = device(sr);
        commands.run(List.of("pvcreate", "-q", "-y", device));
        commands.run(List.of("vgcreate", "-q", vg(sr), device));
    }

    private boolean exists(SrHandle sr) {
        try {
            commands.run(List.of("vgs", "--noheadings", "-o", "vg_name", vg(sr)));
            return true;
        } catch (StorageFailure e) {
            return false;
        }
    }

    @Override
    public void attach(SrHandle sr) {
        device(sr);
        if (!exists(sr)) {
            throw new StorageFailure("no volume group " + vg(sr) + " on " + sr.deviceConfig().get("device"));
        }
    }

    @Override
    public void detach(SrHandle sr) {
        if (exists(sr)) {
            commands.run(List.of("vgchange", "-q", "-an", vg(sr)));
        }
    }

    @Override
    public void destroy(SrHandle sr) {
        if (exists(sr)) {
            commands.run(List.of("vgremove", "-q", "-f", vg(sr)));
            commands.run(List.of("pvremove", "-q", "-y", device(sr)));
        }
    }

    @Override
    public SrStats stats(SrHandle sr) {
        String out = commands.run(List.of("vgs", "--noheadings", "--units", "b", "--nosuffix", "-o", "vg_size,vg_free",
                vg(sr))).stdout().trim();
        String[] fields = out.split("\\s+");
        long size = Long.parseLong(fields[0]);
        return new SrStats(size, size - Long.parseLong(fields[1]));
    }

    @Override
    public VolumeSpace space(SrHandle sr) {
        return new LvmSpace(vg(sr), commands, staging.resolve(sr.srId().toString()));
    }
}
