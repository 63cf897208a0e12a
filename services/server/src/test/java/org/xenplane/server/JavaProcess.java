package org.xenplane.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A packaged Quarkus application run as a real process by a scenario test, with its log in a file.
 *
 * <p>The scenario tests start some fifty short-lived servers and daemons on a 2-core machine, where
 * each new JVM's C2 compiler threads compete with the test for the CPU. So these processes run
 * with the client compiler only and the serial collector ({@link #QUICK_START_OPTIONS}), unless
 * {@code -Dxenplane.test.quick-start-jvm=false}; the benchmark profile sets that, since a benchmark
 * measures the product's defaults.
 */
final class JavaProcess implements AutoCloseable {
    static final List<String> QUICK_START_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    private static final boolean QUICK_START = Boolean.parseBoolean(System.getProperty("xenplane.test.quick-start-jvm", "true"));

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;

    JavaProcess(String name, Path jar, Path log, Map<String, String> systemProperties, Map<String, String> environment) {
        this(name, jar, log, List.of("-Xmx256m"), systemProperties, environment);
    }

    JavaProcess(String name, Path jar, Path log, List<String> jvmOptions, Map<String, String> systemProperties,
                Map<String, String> environment) {
        this.name = name;
        this.log = log;
        this.environment = environment;
        this.command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(QUICK_START ? QUICK_START_OPTIONS : List.of());
        command.addAll(jvmOptions);
        systemProperties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toString());
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run the build (./mvnw verify) so that it is packaged");
        }
    }

    JavaProcess start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(k -> k.startsWith("XENPLANE_") || k.startsWith("QUARKUS_"));
        builder.environment().putAll(environment);
        process = builder.start();
        return this;
    }

    /** A clean stop (SIGTERM), as a service manager does. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** A crash (SIGKILL): nothing gets to clean up; child processes are left orphaned. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }

    /** The process, for its pid and descendants (a benchmark reads their CPU time and memory). */
    ProcessHandle handle() {
        return process.toHandle();
    }

    int exitValue() {
        return process.exitValue();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    String describe() {
        try {
            return name + " log:\n" + Files.readString(log);
        } catch (IOException e) {
            return name + " log unreadable: " + e.getMessage();
        }
    }

    static Path jar(String property) {
        String path = System.getProperty(property);
        if (path == null) {
            throw new IllegalStateException("system property " + property + " is not set (run through failsafe)");
        }
        return Path.of(path);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
