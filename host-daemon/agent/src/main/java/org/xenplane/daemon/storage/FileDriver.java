package org.xenplane.daemon.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.xenplane.daemon.protocol.storage.SrStats;

/**
 * {@code file}: a directory on the host (a local disk or a path the host mounts), holding
 * {@code <uuid>.qcow2} files, thin-provisioned. Device config: {@code path}, absolute, where
 * {@link FileSrRoots} allows. A marker file names the SR that owns the directory, so a second SR
 * is never created over the first, and a directory holding volumes of no SR is taken only when
 * the SR is adopted ({@code sr.adopt}, a pool-admin's action), never by a create or introduce.
 */
public class FileDriver implements StorageDriver {
    static final String MARKER = ".xenplane-sr";

    private final FileSrRoots roots;

    public FileDriver(FileSrRoots roots) {
        this.roots = roots;
    }

    @Override
    public String type() {
        return "file";
    }

    @Override
    public void validate(Map<String, String> config) {
        DeviceConfigs.onlyKeys(config, Set.of("path"), Set.of());
        Path path = DeviceConfigs.absolutePath(config, "path");
        roots.refusal(path).ifPresent(why -> {
            throw DeviceConfigs.invalid("path", why);
        });
    }

    Path directory(SrHandle sr) {
        return Path.of(sr.deviceConfig().get("path"));
    }

    @Override
    public void create(SrHandle sr) {
        Path dir = directory(sr);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StorageFailure("cannot create " + dir + ": " + e.getMessage(), e);
        }
        UUID owner = owner(dir);
        if (owner != null && !owner.equals(sr.srId())) {
            throw DeviceConfigs.invalid("path", "already holds SR " + owner + ": introduce it instead");
        }
        if (owner == null && !new DirectorySpace(dir).list().isEmpty()) {
            throw DeviceConfigs.invalid("path", "holds volumes of no SR: introduce it instead");
        }
        mark(dir, sr.srId());
    }

    @Override
    public void attach(SrHandle sr) {
        Path dir = directory(sr);
        if (!Files.isDirectory(dir)) {
            throw new StorageFailure(dir + " is not a directory");
        }
        UUID owner = owner(dir);
        if (owner != null && !owner.equals(sr.srId())) {
            throw DeviceConfigs.invalid("path", "holds SR " + owner + ", not " + sr.srId());
        }
        if (owner == null && !sr.adopt() && !new DirectorySpace(dir).list().isEmpty()) {
            throw DeviceConfigs.invalid("path", "holds volumes of no SR: taking them is sr.adopt, a pool-admin's action");
        }
        if (owner == null) {
            mark(dir, sr.srId()); // introduced or adopted: the directory is this SR's now
        }
    }

    @Override
    public void detach(SrHandle sr) {
        // a directory needs no release
    }

    @Override
    public void destroy(SrHandle sr) {
        Path dir = directory(sr);
        if (!Files.isDirectory(dir)) {
            return;
        }
        attach(sr);
        wipe(new DirectorySpace(dir));
    }

    /** Deletes the volumes, the staging directory and the marker; the directory too when nothing else is left. */
    static void wipe(DirectorySpace space) {
        Path dir = space.directory();
        for (UUID id : space.list()) {
            space.remove(id);
        }
        try {
            Path staging = dir.resolve(DirectorySpace.STAGING);
            if (Files.isDirectory(staging)) {
                try (var files = Files.list(staging)) {
                    for (Path f : files.toList()) {
                        Files.deleteIfExists(f);
                    }
                }
                Files.deleteIfExists(staging);
            }
            Files.deleteIfExists(dir.resolve(MARKER));
            try (var rest = Files.list(dir)) {
                if (rest.findAny().isEmpty()) {
                    Files.deleteIfExists(dir);
                }
            }
        } catch (IOException e) {
            throw new StorageFailure("cannot clean " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public SrStats stats(SrHandle sr) {
        return directoryStats(directory(sr));
    }

    static SrStats directoryStats(Path dir) {
        try {
            FileStore store = Files.getFileStore(dir);
            long total = store.getTotalSpace();
            return new SrStats(total, total - store.getUsableSpace());
        } catch (IOException e) {
            throw new StorageFailure("cannot read the space of " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public VolumeSpace space(SrHandle sr) {
        return new DirectorySpace(directory(sr));
    }

    private static UUID owner(Path dir) {
        Path marker = dir.resolve(MARKER);
        if (!Files.exists(marker)) {
            return null;
        }
        try {
            return UUID.fromString(Files.readString(marker, StandardCharsets.UTF_8).trim());
        } catch (IOException | IllegalArgumentException e) {
            throw new StorageFailure("unreadable SR marker " + marker + ": " + e.getMessage(), e);
        }
    }

    private static void mark(Path dir, UUID srId) {
        try {
            Files.writeString(dir.resolve(MARKER), srId + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StorageFailure("cannot write " + dir.resolve(MARKER) + ": " + e.getMessage(), e);
        }
    }
}
