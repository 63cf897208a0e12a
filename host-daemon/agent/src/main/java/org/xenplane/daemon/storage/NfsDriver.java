package org.xenplane.daemon.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.xenplane.daemon.protocol.storage.SrStats;

/**
 * {@code nfs}: an NFS export mounted by the daemon on every host that plugs the SR (shared).
 * Device config: {@code server} (host name or address), {@code serverpath} (absolute) and
 * optionally {@code nfsversion} (3, 4, 4.1, 4.2) and {@code port}. The export is mounted at
 * {@code <mount-root>/<local key>/<sr uuid>}; the SR's volumes are qcow2 files in the
 * directory {@code <sr uuid>} of the export, as on a {@code file} SR. PBD unplug unmounts.
 */
public class NfsDriver implements StorageDriver {
    private static final Pattern SERVER = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})|\\[[0-9A-Fa-f:.]{2,45}]");
    private static final Set<String> VERSIONS = Set.of("3", "4", "4.1", "4.2");

    private final Commands commands;
    private final Path mountRoot;

    public NfsDriver(Commands commands, Path mountRoot) {
        this.commands = commands;
        this.mountRoot = mountRoot;
    }

    @Override
    public String type() {
        return "nfs";
    }

    @Override
    public void validate(Map<String, String> config) {
        DeviceConfigs.onlyKeys(config, Set.of("server", "serverpath"), Set.of("nfsversion", "port"));
        if (!SERVER.matcher(config.get("server")).matches()) {
            throw DeviceConfigs.invalid("server", "a host name or an address");
        }
        DeviceConfigs.absolutePath(config, "serverpath");
        String version = config.get("nfsversion");
        if (version != null && !VERSIONS.contains(version)) {
            throw DeviceConfigs.invalid("nfsversion", "one of " + VERSIONS);
        }
        String port = config.get("port");
        if (port != null && !(port.matches("[0-9]{1,5}") && Integer.parseInt(port) >= 1 && Integer.parseInt(port) <= 65535)) {
            throw DeviceConfigs.invalid("port", "a TCP port, 1-65535");
        }
    }

    /** Where this host mounts the SR's export. */
    Path mountPoint(SrHandle sr) {
        return mountRoot.resolve(sr.localKey()).resolve(sr.srId().toString());
    }

    Path directory(SrHandle sr) {
        return mountPoint(sr).resolve(sr.srId().toString());
    }

    /** The mount command for this SR (arguments, no shell). */
    List<String> mountCommand(SrHandle sr) {
        Map<String, String> config = sr.deviceConfig();
        String port = config.containsKey("port") ? ",port=" + config.get("port") : "";
        List<String> cmd = new ArrayList<>(List.of("mount", "-t", "nfs", "-o",
                "vers=" + config.getOrDefault("nfsversion", "3") + port + ",soft,timeo=200,retrans=2,nosuid,nodev,noexec"));
        cmd.add(config.get("server") + ":" + config.get("serverpath"));
        cmd.add(mountPoint(sr).toString());
        return cmd;
    }

    private void mount(SrHandle sr) {
        Path point = mountPoint(sr);
        if (mounted(point)) {
            return;
        }
        try {
            Files.createDirectories(point);
        } catch (IOException e) {
            throw new StorageFailure("cannot create mount point " + point + ": " + e.getMessage(), e);
        }
        commands.run(mountCommand(sr));
    }

    private void unmount(SrHandle sr) {
        Path point = mountPoint(sr);
        if (mounted(point)) {
            commands.run(List.of("umount", point.toString()));
        }
        try {
            Files.deleteIfExists(point);
        } catch (IOException ignored) {
            // a busy or non-empty mount point stays
        }
    }

    static boolean mounted(Path point) {
        try {
            String target = point.toString();
            return Files.readAllLines(Path.of("/proc/self/mounts")).stream()
                    .map(line -> line.split(" "))
                    .anyMatch(fields -> fields.length > 1 && fields[1].equals(target));
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void create(SrHandle sr) {
        mount(sr);
        try {
            Files.createDirectories(directory(sr));
        } catch (IOException e) {
            throw new StorageFailure("cannot create " + directory(sr) + " on the export: " + e.getMessage(), e);
        }
    }

    @Override
    public void attach(SrHandle sr) {
        mount(sr);
        if (!Files.isDirectory(directory(sr))) {
            throw new StorageFailure("the export holds no SR " + sr.srId());
        }
    }

    @Override
    public void detach(SrHandle sr) {
        unmount(sr);
    }

    @Override
    public void destroy(SrHandle sr) {
        mount(sr);
        if (Files.isDirectory(directory(sr))) {
            FileDriver.wipe(new DirectorySpace(directory(sr)));
        }
        unmount(sr);
    }

    @Override
    public SrStats stats(SrHandle sr) {
        return FileDriver.directoryStats(directory(sr));
    }

    @Override
    public VolumeSpace space(SrHandle sr) {
        return new DirectorySpace(directory(sr));
    }
}
