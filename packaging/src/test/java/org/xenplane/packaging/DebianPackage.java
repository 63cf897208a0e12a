package org.xenplane.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The xenplane-daemon .deb that the Maven build made, and throw-away roots to install it into. */
final class DebianPackage {
    private DebianPackage() {
    }

    static Path file() {
        try (Stream<Path> files = Files.list(Repository.packagingTarget())) {
            List<Path> debs = files.filter(p -> p.getFileName().toString().matches("xenplane-daemon_.*_all\\.deb")).toList();
            if (debs.size() != 1) {
                throw new AssertionError("expected one xenplane-daemon .deb in " + Repository.packagingTarget() + ", found " + debs);
            }
            return debs.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String debianVersion() {
        return Repository.mavenVersion().replace('-', '~');
    }

    /** A new, empty root with a dpkg database, for dpkg --root. */
    static Path emptyRoot() {
        try {
            Path root = Files.createTempDirectory(Repository.packagingTarget(), "dpkg-root");
            Path dpkg = root.resolve("var/lib/dpkg");
            for (String dir : List.of("info", "updates", "triggers")) {
                Files.createDirectories(dpkg.resolve(dir));
            }
            Files.createFile(dpkg.resolve("status"));
            Files.createFile(dpkg.resolve("available"));
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * dpkg in another root. Maintainer scripts run without chroot (the root has no shell) and see
     * DPKG_ROOT, which they honour; dependencies are not installed there, so they are not enforced.
     */
    static Commands.Result dpkg(Path root, String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("dpkg", "--root=" + root, "--force-depends",
                "--force-script-chrootless", "--force-not-root", "--log=" + root.resolve("dpkg.log")));
        command.addAll(List.of(arguments));
        return Commands.run(command);
    }

    /** A root with the package installed by dpkg. */
    static Path installedRoot() {
        Path root = emptyRoot();
        dpkg(root, "--install", file().toString()).expectSuccess();
        return root;
    }
}
