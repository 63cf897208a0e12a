package org.xenplane.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Dockerfile lints clean (npm dockerfile-utils) and copies only what the Maven build produced,
 * all of it, through the .dockerignore. Building the images needs a container engine, which these
 * machines lack: docker/build-images.sh does it where there is one.
 */
class DockerfilesIT {

    @Test
    void everyDockerfileLintsWithoutErrorsOrWarnings() {
        String linter = System.getProperty("xenplane.dockerfile-utils");
        for (Path file : Repository.dockerfiles()) {
            Commands.Result lint = Commands.run(List.of(linter, "lint", file.toString()));
            assertThat(lint.exitCode()).as("%s:\n%s", file, lint.output()).isZero();
            assertThat(lint.output()).as(file.toString()).isBlank();
        }
    }

    @Test
    void theLinterCatchesABrokenDockerfile() throws IOException {
        Path broken = Files.createTempFile("broken", ".Dockerfile");
        Files.writeString(broken, "COPY a b\nEXPOSE http\n");

        Commands.Result lint = Commands.run(List.of(System.getProperty("xenplane.dockerfile-utils"), "lint", broken.toString()));

        assertThat(lint.exitCode()).isNotZero();
        assertThat(lint.output()).contains("FROM");
    }

    @Test
    void everyCopySourceIsBuildOutputThatExistsAndPassesTheDockerignore() throws IOException {
        List<String> allowed = dockerignoreExceptions();
        for (Path file : Repository.dockerfiles()) {
            Dockerfile dockerfile = Dockerfile.read(file);
            assertThat(dockerfile.copiesFromContext()).as(file.toString()).isNotEmpty();
            for (Dockerfile.Copy copy : dockerfile.copiesFromContext()) {
                for (String source : copy.sources()) {
                    assertThat(source).as("%s copies %s", file, source).contains("/target/");
                    assertThat(matches(Repository.root(), source)).as("%s: %s matches nothing in the build output", file, source)
                            .hasSize(1);
                    assertThat(allowed).as("%s: .dockerignore leaves %s out of the context", file, source)
                            .anyMatch(pattern -> includes(pattern, Path.of(stripSlash(source))));
                }
            }
        }
    }

    @Test
    void eachApplicationImageCopiesItsWholeQuarkusApp() throws IOException {
        for (Path file : Repository.dockerfiles()) {
            Dockerfile dockerfile = Dockerfile.read(file);
            if (dockerfile.name().equals("host-daemon")) {
                continue;
            }
            String module = dockerfile.name().equals("server") ? "services/server" : "services/apps/" + dockerfile.name();
            Path app = Repository.root().resolve(module + "/target/quarkus-app");
            Set<String> copied = new TreeSet<>();
            dockerfile.copiesFromContext().forEach(c -> c.sources().forEach(s -> copied.add(stripSlash(s))));
            Set<String> needed = new TreeSet<>();
            try (Stream<Path> entries = Files.list(app)) {
                entries.filter(p -> !p.getFileName().toString().endsWith(".txt"))
                        .forEach(p -> needed.add(module + "/target/quarkus-app/" + p.getFileName()));
            }
            assertThat(copied).as(file.toString()).isEqualTo(needed);
            assertThat(dockerfile.last("ENTRYPOINT").orElseThrow().arguments()).contains("/deployments/quarkus-run.jar");
        }
    }

    @Test
    void theHostDaemonImageInstallsTheDebianPackage() {
        Dockerfile daemon = Dockerfile.read(Repository.root().resolve("docker/host-daemon.Dockerfile"));

        assertThat(daemon.copiesFromContext()).singleElement()
                .satisfies(c -> assertThat(c.sources()).containsExactly("packaging/target/xenplane-daemon_*_all.deb"));
        assertThat(daemon.all("RUN").get(0).arguments()).contains("apt-get install").contains("/tmp/xenplane-daemon_*_all.deb");
        assertThat(daemon.last("ENTRYPOINT").orElseThrow().arguments()).isEqualTo("[\"/usr/bin/xenplane-daemon\", \"run\"]");
    }

    @Test
    void serviceImagesRunAsANonRootUserWithAHealthCheck() {
        for (Path file : Repository.dockerfiles()) {
            Dockerfile dockerfile = Dockerfile.read(file);
            assertThat(dockerfile.healthCheckCommand()).as(file.toString()).hasValueSatisfying(c -> assertThat(c).contains("/q/health/live"));
            if (dockerfile.name().equals("host-daemon")) {
                assertThat(dockerfile.all("USER")).as("the daemon drives the hypervisor as root").isEmpty();
                continue;
            }
            assertThat(dockerfile.last("USER").orElseThrow().arguments()).isEqualTo("10001");
            assertThat(dockerfile.all("ENV").stream().map(Dockerfile.Instruction::arguments).toList())
                    .anyMatch(env -> env.contains("XENPLANE_HOST=0.0.0.0"));
            assertThat(dockerfile.last("EXPOSE").orElseThrow().arguments()).isEqualTo("8080");
        }
    }

    @Test
    void theBuildScriptBuildsEveryDockerfile() throws IOException {
        String script = Files.readString(Repository.root().resolve("docker/build-images.sh"));

        assertThat(script).contains("for dockerfile in docker/*.Dockerfile");
        assertThat(Commands.run(List.of("sh", "-n", Repository.root().resolve("docker/build-images.sh").toString())).exitCode()).isZero();
    }

    private static List<Path> matches(Path root, String source) throws IOException {
        String pattern = stripSlash(source);
        if (!pattern.contains("*")) {
            return Files.exists(root.resolve(pattern)) ? List.of(root.resolve(pattern)) : List.of();
        }
        Path directory = root.resolve(pattern.substring(0, pattern.lastIndexOf('/')));
        var matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern.substring(pattern.lastIndexOf('/') + 1));
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(directory)) {
            try (Stream<Path> entries = Files.list(directory)) {
                entries.filter(p -> matcher.matches(p.getFileName())).forEach(found::add);
            }
        }
        return found;
    }

    /** Whether a .dockerignore exception (a glob) lets the path in: it matches the path or a directory above it. */
    private static boolean includes(String pattern, Path path) {
        var matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        for (int i = 1; i <= path.getNameCount(); i++) {
            if (matcher.matches(path.subpath(0, i))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> dockerignoreExceptions() throws IOException {
        return Files.readAllLines(Repository.root().resolve(".dockerignore")).stream()
                .filter(l -> l.startsWith("!")).map(l -> stripSlash(l.substring(1))).toList();
    }

    private static String stripSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
