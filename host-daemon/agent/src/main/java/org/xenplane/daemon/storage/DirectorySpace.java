package org.xenplane.daemon.storage;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Volumes as {@code <uuid>.qcow2} files in one directory (the {@code file} and {@code nfs} SRs).
 * Other files in the directory are ignored. Backing files are named relative to the directory.
 */
public class DirectorySpace implements VolumeSpace {
    private static final Pattern NAME = Pattern.compile(
            "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.qcow2");
    static final String STAGING = ".xenplane-staging";

    private final Path directory;

    public DirectorySpace(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    @Override
    public Path path(UUID volume) {
        return directory.resolve(volume + ".qcow2");
    }

    @Override
    public String backingReference(UUID volume) {
        return volume + ".qcow2";
    }

    @Override
    public UUID parse(String reference) {
        if (reference == null) {
            return null;
        }
        String name = Path.of(reference).getFileName().toString();
        Matcher m = NAME.matcher(name);
        return m.matches() ? UUID.fromString(m.group(1)) : null;
    }

    @Override
    public boolean exists(UUID volume) {
        return Files.isRegularFile(path(volume));
    }

    @Override
    public List<UUID> list() {
        List<UUID> ids = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.qcow2")) {
            for (Path file : files) {
                Matcher m = NAME.matcher(file.getFileName().toString());
                if (m.matches() && Files.isRegularFile(file)) {
                    ids.add(UUID.fromString(m.group(1)));
                }
            }
        } catch (IOException e) {
            throw new StorageFailure("cannot list " + directory + ": " + e.getMessage(), e);
        }
        return ids;
    }

    @Override
    public void allocate(UUID volume, long virtualSize) {
        // qemu-img creates the file.
    }

    @Override
    public void grow(UUID volume, long virtualSize) {
        // thin: the file grows as the guest writes.
    }

    @Override
    public void rename(UUID from, UUID to, boolean replace) {
        try {
            if (replace) {
                Files.move(path(from), path(to), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                if (Files.exists(path(to))) {
                    throw new StorageFailure("volume " + to + " already exists");
                }
                Files.move(path(from), path(to), StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new StorageFailure("cannot rename volume " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void remove(UUID volume) {
        try {
            Files.deleteIfExists(path(volume));
        } catch (IOException e) {
            throw new StorageFailure("cannot delete volume " + volume + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long physicalBytes(UUID volume) {
        try {
            return Files.size(path(volume));
        } catch (IOException e) {
            throw new StorageFailure("cannot read the size of volume " + volume + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Path staging() {
        Path staging = directory.resolve(STAGING);
        try {
            return Files.createDirectories(staging);
        } catch (IOException e) {
            throw new StorageFailure("cannot create " + staging + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean preallocated() {
        return false;
    }

    @Override
    public void activate(UUID volume) {
        if (!exists(volume)) {
            throw new StorageFailure("volume " + volume + " is missing from " + directory);
        }
    }

    @Override
    public void deactivate(UUID volume) {
        // nothing to release for a file
    }
}
