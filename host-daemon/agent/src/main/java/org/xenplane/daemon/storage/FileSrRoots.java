package org.xenplane.daemon.storage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a {@code file} SR may live on this host: under one of the configured roots (default
 * {@code /var/lib/xenplane/sr}) or the local SR root, and never in a system directory, whatever
 * the roots say: an SR's directory is read, written and wiped by the daemon as root, so a path
 * such as {@code /etc} or {@code /} would hand the host to anyone who may create an SR.
 */
public final class FileSrRoots {
    /** The directories of the system: never an SR, nor under one. */
    static final List<Path> SYSTEM = List.of("/bin", "/boot", "/dev", "/etc", "/lib", "/lib32", "/lib64", "/libx32",
            "/proc", "/root", "/run", "/sbin", "/sys", "/usr", "/var/lib/dpkg", "/var/lib/apt", "/var/log")
            .stream().map(Path::of).toList();

    private final List<Path> roots;

    /** The configured roots and the local SR root (always allowed: the daemon offers it itself). */
    public FileSrRoots(List<Path> configured, Optional<Path> localSrRoot) {
        List<Path> all = new ArrayList<>(configured.stream().map(p -> p.toAbsolutePath().normalize()).toList());
        localSrRoot.map(p -> p.toAbsolutePath().normalize()).filter(p -> !all.contains(p)).ifPresent(all::add);
        this.roots = List.copyOf(all);
    }

    public List<Path> roots() {
        return roots;
    }

    /** Why an SR may not live at this absolute, normalised path; empty when it may. */
    public Optional<String> refusal(Path path) {
        if (path.getNameCount() == 0) {
            return Optional.of("/ is never an SR");
        }
        Optional<Path> system = SYSTEM.stream().filter(path::startsWith).findFirst();
        if (system.isPresent()) {
            return Optional.of("under " + system.get() + ", a system directory: never an SR");
        }
        if (roots.stream().noneMatch(path::startsWith)) {
            return Optional.of("outside the directories this host allows for SRs " + roots
                    + " (xenplane.daemon.storage.allowed-file-roots)");
        }
        return Optional.empty();
    }
}
