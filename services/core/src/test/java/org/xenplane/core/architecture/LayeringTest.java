package org.xenplane.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering rule (docs/architecture.md, "Layers"): a REST resource parses, validates and
 * authorizes the request and calls one service method; the services own transactions, durable
 * tasks ({@code TaskRunner}), events and placement; the request and response records are the API
 * model, in a {@code <module>.api} package that both use. So no class of a {@code .rest} package
 * names {@code TaskRunner}, and no class of a {@code .service} package names a {@code .rest} class.
 * This test reads every module's main sources and fails on a breach not in {@link #KNOWN}, and on
 * an entry of {@link #KNOWN} that no longer breaks the rule (so that the list only shrinks).
 */
class LayeringTest {
    private static final Pattern TASK_RUNNER = Pattern.compile("\\bTaskRunner\\b");
    private static final Pattern REST_CLASS = Pattern.compile("\\borg\\.xenplane\\.\\w+\\.rest\\.");

    /** Files (relative to services/) that still break the rule; remove an entry when it is fixed, never add one. */
    static final Set<String> KNOWN = Set.of();

    @Test
    void restClassesSubmitNoTasksAndServicesUseNoRestClasses() {
        Path services = servicesDir();
        Set<String> breaches = new TreeSet<>();
        for (Path java : javaSources(services)) {
            String relative = services.relativize(java).toString().replace('\\', '/');
            breaches.addAll(breaches(relative, read(java)));
        }
        System.out.println("layering breaches: " + breaches.size());
        breaches.forEach(b -> System.out.println("  " + b));

        Set<String> files = new TreeSet<>(breaches.stream().map(b -> b.substring(0, b.indexOf(':'))).toList());
        assertThat(files).as("classes that break the layering rule").isSubsetOf(KNOWN);
        assertThat(KNOWN).as("known breaches that are gone: remove them from KNOWN").isSubsetOf(files);
    }

    @Test
    void findsTaskRunnerInResourcesAndRestImportsInServices() {
        String resource = "import org.xenplane.core.task.TaskRunner;\nclass ThingResource { TaskRunner tasks; }";
        String service = "import org.xenplane.thing.rest.ThingView;\nclass ThingService {}";
        String fine = "import org.xenplane.thing.api.ThingView;\nclass ThingService { String s = \"TaskRunners\"; }";

        assertThat(breaches("thing/src/main/java/org/xenplane/thing/rest/ThingResource.java", resource))
                .containsExactly("thing/src/main/java/org/xenplane/thing/rest/ThingResource.java: uses TaskRunner");
        assertThat(breaches("thing/src/main/java/org/xenplane/thing/service/ThingService.java", service))
                .containsExactly("thing/src/main/java/org/xenplane/thing/service/ThingService.java: uses a .rest class");
        assertThat(breaches("thing/src/main/java/org/xenplane/thing/service/ThingService.java", fine)).isEmpty();
        assertThat(breaches("thing/src/main/java/org/xenplane/thing/service/ThingService.java", resource.replace("ThingResource", "X")))
                .as("services may use TaskRunner").isEmpty();
    }

    static List<String> breaches(String relative, String source) {
        String dir = relative.substring(0, relative.lastIndexOf('/') + 1);
        if (dir.contains("/rest/") && TASK_RUNNER.matcher(source).find()) {
            return List.of(relative + ": uses TaskRunner");
        }
        if (dir.contains("/service/") && REST_CLASS.matcher(source).find()) {
            return List.of(relative + ": uses a .rest class");
        }
        return List.of();
    }

    private static Path servicesDir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("services/core/src/main/java"))) {
                return p.resolve("services");
            }
        }
        throw new IllegalStateException("no services/core above " + Path.of("").toAbsolutePath());
    }

    private static List<Path> javaSources(Path services) {
        try (Stream<Path> walk = Files.walk(services)) {
            return walk.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/")
                    && !f.toString().contains("/target/")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
