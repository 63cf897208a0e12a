package org.xenplane.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where things are in the repository and in the build's output (paths given by the Maven build). */
final class Repository {
    private Repository() {
    }

    static Path root() {
        return Path.of(property("xenplane.root")).toAbsolutePath().normalize();
    }

    static String mavenVersion() {
        return property("xenplane.version");
    }

    static Path chart() {
        return root().resolve("charts/xenplane");
    }

    /** This module's target directory (the .deb and its file tree are built there). */
    static Path packagingTarget() {
        return Path.of(property("xenplane.packaging.target"));
    }

    /** The service names that have an application module, services/apps/<name>. */
    static List<String> serviceApplications() {
        try (Stream<Path> apps = Files.list(root().resolve("services/apps"))) {
            return apps.filter(p -> Files.isRegularFile(p.resolve("pom.xml")))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> dockerfiles() {
        try (Stream<Path> files = Files.list(root().resolve("docker"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".Dockerfile")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set: run the tests through Maven");
        }
        return value;
    }
}
